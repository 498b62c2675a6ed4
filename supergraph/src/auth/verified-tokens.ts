import type { Identity } from '@tally/auth';

export interface Verifier {
  verify(authorization: string | undefined): Promise<{ identity: Identity; problem?: string }>;
}

/**
 * How long a verified token is taken as verified without checking its signature again: a
 * key withdrawn from the issuer's JWKS stops being honoured at most this much later.
 */
export const MAX_AGE_MS = 60_000;
/** Tokens remembered at once; the oldest verified goes first. */
export const MAX_CACHED = 10_000;

/** The token's own `exp` (ms), read once its signature verified; undefined when it has none. */
function expiresAt(authorization: string): number | undefined {
  try {
    const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1] ?? '';
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
    };
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies each caller's token once: an Authorization header that verified is answered from
 * memory (by its exact text) until the token's `exp` or MAX_AGE_MS, whichever comes first, so
 * a caller's requests cost one signature check per minute instead of one each. Refusals are
 * never remembered: they are checked again each time.
 */
export function rememberVerified(
  verifier: Verifier,
  opts: { now?: () => number; maxAgeMs?: number; maxCached?: number } = {},
): Verifier {
  const { now = Date.now, maxAgeMs = MAX_AGE_MS, maxCached = MAX_CACHED } = opts;
  const verified = new Map<string, { identity: Identity; until: number }>();
  return {
    async verify(authorization) {
      if (!authorization) return verifier.verify(authorization);
      const known = verified.get(authorization);
      if (known && known.until > now()) return { identity: known.identity };
      if (known) verified.delete(authorization);
      const result = await verifier.verify(authorization);
      if (result.problem || !result.identity.authenticated) return result;
      const until = Math.min(now() + maxAgeMs, expiresAt(authorization) ?? Infinity);
      if (verified.size >= maxCached) verified.delete(verified.keys().next().value!);
      verified.set(authorization, { identity: result.identity, until });
      return result;
    },
  };
}
