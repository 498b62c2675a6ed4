import { SignJWT, jwtVerify, errors } from 'jose';
import type { Identity } from './identity';

/**
 * The gateway's (or a calling subgraph's) signature on a call to one subgraph: HS256 with
 * that subgraph's own secret, audience = the subgraph, a minute to live. A subgraph holds
 * only its own secret, so a token signed for one subgraph is refused by every other.
 */
const TTL_SECONDS = 60;
const CLOCK_SKEW_SECONDS = 30;
const ISSUER_PREFIX = 'tally:';
const AUDIENCE_PREFIX = 'tally-subgraph:';

export class InternalTokenError extends Error {
  override name = 'InternalTokenError';
}

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export interface SignInternal {
  secret: string;
  /** Who signs: `gateway`, or the calling subgraph's name. */
  caller: string;
  /** The subgraph the call goes to. */
  audience: string;
  identity: Identity;
  ttlSeconds?: number;
}

export async function signInternalToken(opts: SignInternal): Promise<string> {
  const { identity } = opts;
  return new SignJWT({ auth: identity.authenticated, scope: [...identity.scopes].join(' ') })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(ISSUER_PREFIX + opts.caller)
    .setAudience(AUDIENCE_PREFIX + opts.audience)
    .setSubject(identity.subject ?? '')
    .setIssuedAt()
    .setExpirationTime(`${opts.ttlSeconds ?? TTL_SECONDS}s`)
    .sign(keyOf(opts.secret));
}

export interface VerifiedCall {
  caller: string;
  identity: Identity;
}

/** Verifies a call to `audience` signed with its secret; throws InternalTokenError if not. */
export async function verifyInternalToken(
  token: string,
  opts: { secret: string; audience: string },
): Promise<VerifiedCall> {
  try {
    const { payload } = await jwtVerify(token, keyOf(opts.secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE_PREFIX + opts.audience,
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'iss'],
    });
    if (!payload.iss?.startsWith(ISSUER_PREFIX)) throw new InternalTokenError('unknown issuer');
    const scope = typeof payload.scope === 'string' ? payload.scope : '';
    return {
      caller: payload.iss.slice(ISSUER_PREFIX.length),
      identity: {
        authenticated: payload.auth === true,
        subject: payload.sub || undefined,
        scopes: new Set(scope.split(' ').filter(Boolean)),
      },
    };
  } catch (err) {
    if (err instanceof InternalTokenError) throw err;
    const why = err instanceof errors.JOSEError ? err.code : 'malformed';
    throw new InternalTokenError(`not a valid call for ${opts.audience}: ${why}`);
  }
}
