import type { OidcConfig } from './oidc-request';
import type { SignInTokens } from './session';

export type AuthConfig = { mode: 'development' } | OidcConfig;

/** A sign-in step failed; the message is for the person signing in. */
export class SignInError extends Error {
  override name = 'SignInError';
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new SignInError('Cannot reach the console server. Check your connection and try again.');
  }
  const answer = (await res.json().catch(() => undefined)) as
    (T & { error?: { message?: string } }) | undefined;
  if (res.ok && answer) return answer;
  throw new SignInError(answer?.error?.message ?? `The console server answered ${res.status}.`);
}

let config: Promise<AuthConfig> | undefined;

/** How this console signs in, asked once (again after a failure). */
export function fetchAuthConfig(): Promise<AuthConfig> {
  config ??= call<AuthConfig>('/auth/config').catch((err: unknown) => {
    config = undefined;
    throw err;
  });
  return config;
}

/** Development: a token for the role (and, for a subscriber, the user) from the local issuer. */
export const requestDevToken = (role: string, user?: string) =>
  call<SignInTokens>('/auth/dev-token', user ? { role, user } : { role });

/** Production: the authorization code and its PKCE verifier for the tokens. */
export const exchangeCode = (input: { code: string; codeVerifier: string; redirectUri: string }) =>
  call<SignInTokens>('/auth/oidc-token', input);
