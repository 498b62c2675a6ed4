import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { base64url, importJWK, SignJWT, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { privateJwk, publicOf } from './keys';

/** Tokens made by hand, each differing from a good one in one way a verifier must notice. */

const now = () => Math.floor(Date.now() / 1000);

export interface Expected {
  issuer: string;
  audience: string;
}

/** Signed with `key` under its kid (or `header`'s); `exp` a minute ahead unless overridden. */
export async function signed(
  key: JWK,
  claims: JWTPayload,
  header: { alg?: string; kid?: string } = {},
): Promise<string> {
  const alg = header.alg ?? key.alg!;
  const privateKey = (await importJWK(key, alg)) as KeyLike;
  return new SignJWT({ iat: now(), exp: now() + 60, ...claims })
    .setProtectedHeader({ alg, kid: header.kid ?? key.kid, typ: 'at+jwt' })
    .sign(privateKey);
}

function unsigned(claims: JWTPayload, kid?: string): string {
  const part = (v: object) => base64url.encode(JSON.stringify(v));
  return `${part({ alg: 'none', typ: 'JWT', kid })}.${part({ exp: now() + 60, ...claims })}.`;
}

/** HS256 keyed with the issuer's *public* key as PEM: the classic algorithm confusion. */
async function hmacWithPublicKey(publicJwk: JWK, claims: JWTPayload): Promise<string> {
  const pem = createPublicKey({ key: publicJwk as JsonWebKey, format: 'jwk' })
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return new SignJWT({ exp: now() + 60, ...claims })
    .setProtectedHeader({ alg: 'HS256', kid: publicJwk.kid, typ: 'JWT' })
    .sign(new TextEncoder().encode(pem));
}

/** The token with its payload replaced, header and signature kept. */
export function tampered(token: string, claims: JWTPayload): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64url.encode(JSON.stringify(claims))}.${signature}`;
}

export interface ForgedCase {
  name: string;
  token: string;
  /** What the verifier's problem must say. */
  why: RegExp;
}

/** Every way a token from `key`'s issuer can be bad, with the reason each must be refused for. */
export async function forgedTokens(
  key: JWK,
  { issuer, audience }: Expected,
): Promise<ForgedCase[]> {
  const good = { iss: issuer, aud: audience, sub: 'u-1', roles: ['admin'] };
  const stranger = await privateJwk(key.alg as 'RS256' | 'ES256', 'not-at-the-issuer');
  const impostor = await privateJwk(key.alg as 'RS256' | 'ES256', key.kid!);
  return [
    { name: 'expired', token: await signed(key, { ...good, exp: now() - 120 }), why: /expired/ },
    {
      name: 'not yet valid',
      token: await signed(key, { ...good, nbf: now() + 120 }),
      why: /"nbf"/,
    },
    { name: 'no exp', token: await signed(key, { ...good, exp: undefined }), why: /"exp" missing/ },
    {
      name: 'wrong audience',
      token: await signed(key, { ...good, aud: 'other-api' }),
      why: /"aud"/,
    },
    { name: 'no audience', token: await signed(key, { ...good, aud: undefined }), why: /"aud"/ },
    {
      name: 'wrong issuer',
      token: await signed(key, { ...good, iss: 'https://evil.example' }),
      why: /"iss"/,
    },
    { name: 'alg none', token: unsigned(good, key.kid), why: /algorithm not accepted/ },
    {
      name: 'HS256 keyed with the public key',
      token: await hmacWithPublicKey(publicOf(key), good),
      why: /algorithm not accepted/,
    },
    { name: 'unknown kid', token: await signed(stranger, good), why: /no key/ },
    {
      name: "another key under the issuer's kid",
      token: await signed(impostor, good),
      why: /signature/,
    },
  ];
}

/** Tokens just inside the 60 s clock tolerance, which must be accepted. */
export async function withinTolerance(key: JWK, { issuer, audience }: Expected): Promise<string[]> {
  const good = { iss: issuer, aud: audience, roles: ['admin'] };
  return [
    await signed(key, { ...good, exp: now() - 30 }),
    await signed(key, { ...good, nbf: now() + 30 }),
  ];
}
