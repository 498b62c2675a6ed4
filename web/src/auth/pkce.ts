/** RFC 7636 (PKCE) and the random values of an authorization request, with Web Crypto. */

export const base64Url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** 32 random bytes: a 43-character code verifier, or an unguessable state. */
export const randomUrlSafe = (bytes = 32): string =>
  base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 code challenge: BASE64URL(SHA-256(verifier)). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
