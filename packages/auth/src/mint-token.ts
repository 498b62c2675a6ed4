import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { DEFAULT_ROLE_SCOPES } from './identity';
import type { RoleScopes } from './role-scopes';
import type { SigningKey } from './signing-key';

export const DEFAULT_TTL = '1h';
export const MAX_TTL_SECONDS = 24 * 60 * 60;
/** The role whose tokens name one customer: `sub` is their user id. */
export const SUBSCRIBER_ROLE = 'subscriber';
const USER_ID = /^[A-Za-z0-9._:@-]{1,128}$/;
const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** A request for a token that cannot be granted as asked (the caller's mistake). */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError';
}

/** `90s`, `15m`, `1h`, `1d` -> seconds; 1 s to 24 h. */
export function parseTtl(ttl: string): number {
  const m = /^(\d{1,6})([smhd])$/.exec(ttl.trim());
  if (!m) throw new TokenRequestError(`ttl "${ttl}" is not a duration like 90s, 15m, 1h or 1d`);
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] as keyof typeof UNIT_SECONDS];
  if (seconds < 1 || seconds > MAX_TTL_SECONDS)
    throw new TokenRequestError(`ttl "${ttl}" is outside 1s..24h`);
  return seconds;
}

export interface MintOptions {
  issuer: string;
  audience: string;
  role: string;
  /** The user id: required for `subscriber` (their `sub`); for other roles, optional. */
  user?: string;
  /** Default 1h; at most 24h. */
  ttl?: string;
  /** The roles that may be asked for (their scopes are the verifier's business). */
  roleScopes?: RoleScopes;
}

export interface MintedToken {
  token: string;
  expiresAt: Date;
}

function checkedRequest(opts: MintOptions): { user?: string; ttlSeconds: number } {
  const roles = opts.roleScopes ?? DEFAULT_ROLE_SCOPES;
  if (!Object.hasOwn(roles, opts.role))
    throw new TokenRequestError(
      `unknown role "${opts.role}"; one of: ${Object.keys(roles).join(', ')}`,
    );
  const user = opts.user?.trim() || undefined;
  if (opts.role === SUBSCRIBER_ROLE && !user)
    throw new TokenRequestError('a subscriber token needs the id of the user it is for');
  if (user !== undefined && !USER_ID.test(user))
    throw new TokenRequestError('user must be 1..128 characters of letters, digits and . _ : @ -');
  return { user, ttlSeconds: parseTtl(opts.ttl ?? DEFAULT_TTL) };
}

/**
 * A token from the local issuer: `roles: [role]`, `sub` = the user when one is named (for a
 * subscriber, always). Throws TokenRequestError for an unknown role, a missing or malformed
 * user, or a ttl outside 1s..24h.
 */
export async function mintToken(key: SigningKey, opts: MintOptions): Promise<MintedToken> {
  const { user, ttlSeconds } = checkedRequest(opts);
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ttlSeconds;
  const jwt = new SignJWT({ roles: [opts.role] })
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .setJti(randomUUID());
  if (user) jwt.setSubject(user);
  return { token: await jwt.sign(key.privateKey), expiresAt: new Date(exp * 1000) };
}
