import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { ANONYMOUS, type Identity } from './identity';
import { scopesOfClaims, type RoleScopes } from './role-scopes';

/** Asymmetric only: a symmetric alg would let anyone holding the public key sign. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
/** security.md: `exp` and `nbf` are enforced with at most 60 s of clock skew. */
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;
// Far above any real JWT; a longer header is refused before it is parsed.
const MAX_TOKEN_LENGTH = 8192;

export interface TokenVerifierOptions {
  /** Expected `iss`, exactly. */
  issuer: string;
  /** Expected in `aud`. */
  audience: string;
  /** The issuer's JWKS (http or https). */
  jwksUrl: string;
  roleScopes: RoleScopes;
  clockToleranceSeconds?: number;
  /** Deadline of one JWKS fetch. */
  jwksTimeoutMs?: number;
  /**
   * After a fetch, how long a token with an unknown `kid` is refused without fetching again:
   * a rotated key is picked up at most this long after the previous fetch, and a flood of
   * made-up kids costs the issuer at most one fetch per period.
   */
  jwksCooldownMs?: number;
  /** How long fetched keys are used before the next verification fetches them again. */
  jwksCacheMaxAgeMs?: number;
}

export interface VerifyResult {
  identity: Identity;
  /** Why the presented token was refused (never the token itself); absent when none was. */
  problem?: string;
}

export interface TokenVerifier {
  /** Verifies an `Authorization` header value; never throws. */
  verify(authorizationHeader: string | undefined): Promise<VerifyResult>;
}

const refused = (problem: string): VerifyResult => ({ identity: ANONYMOUS, problem });

function problemOf(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'token expired';
  if (err instanceof errors.JWTClaimValidationFailed)
    return `claim "${err.claim}" ${err.reason === 'missing' ? 'missing' : 'rejected'}: ${err.message}`;
  if (err instanceof errors.JOSEAlgNotAllowed)
    return `algorithm not accepted (${ACCEPTED_ALGORITHMS.join(' or ')} only)`;
  if (err instanceof errors.JWKSNoMatchingKey)
    return "no key in the issuer's JWKS matches the token";
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'signature does not verify';
  if (err instanceof errors.JWKSTimeout) return "the issuer's JWKS did not answer in time";
  if (err instanceof errors.JWKSInvalid) return "the issuer's JWKS is not a valid key set";
  if (err instanceof errors.JWSInvalid || err instanceof errors.JWTInvalid)
    return `malformed token: ${err.message}`;
  if (err instanceof errors.JOSEError) return `${err.code}: ${err.message}`;
  const message = err instanceof Error ? err.message : String(err);
  return `the issuer's JWKS could not be fetched: ${message}`;
}

function validated(opts: TokenVerifierOptions): number {
  const tolerance = opts.clockToleranceSeconds ?? MAX_CLOCK_TOLERANCE_SECONDS;
  if (!(tolerance >= 0 && tolerance <= MAX_CLOCK_TOLERANCE_SECONDS))
    throw new RangeError(
      `clockToleranceSeconds must be 0..${MAX_CLOCK_TOLERANCE_SECONDS}, not ${tolerance}`,
    );
  if (!opts.issuer) throw new TypeError('the token verifier needs an issuer');
  if (!opts.audience) throw new TypeError('the token verifier needs an audience');
  const { protocol } = new URL(opts.jwksUrl);
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new TypeError(`jwksUrl must be http(s), not ${protocol}`);
  return tolerance;
}

/**
 * Verifies the callers' bearer tokens against an OpenID issuer's JWKS: RS256/ES256 only,
 * `exp` required, `iss` and `aud` exact. Keys are cached and fetched again when a token
 * names a `kid` the cache does not hold (subject to the cooldown), so a rotation at the
 * issuer needs no restart here.
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const clockTolerance = validated(opts);
  const jwks = createRemoteJWKSet(new URL(opts.jwksUrl), {
    timeoutDuration: opts.jwksTimeoutMs ?? 5000,
    cooldownDuration: opts.jwksCooldownMs ?? 30_000,
    cacheMaxAge: opts.jwksCacheMaxAgeMs ?? 10 * 60_000,
  });

  return {
    async verify(header) {
      if (header === undefined || header.trim() === '') return { identity: ANONYMOUS };
      const match = /^Bearer +([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
      if (!match) return refused('the Authorization header is not "Bearer <token>"');
      const token = match[1]!;
      if (token.length > MAX_TOKEN_LENGTH) return refused('token too long');
      try {
        const { payload } = await jwtVerify(token, jwks, {
          algorithms: [...ACCEPTED_ALGORITHMS],
          issuer: opts.issuer,
          audience: opts.audience,
          clockTolerance,
          requiredClaims: ['exp'],
        });
        return {
          identity: {
            authenticated: true,
            subject: typeof payload.sub === 'string' && payload.sub ? payload.sub : undefined,
            scopes: scopesOfClaims(payload, opts.roleScopes),
          },
        };
      } catch (err) {
        return refused(problemOf(err));
      }
    },
  };
}
