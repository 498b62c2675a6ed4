import type { RequestHandler } from 'express';
import { bearerToken, tokenMatches } from '../settings/token-owner';

/** A service's settings, as far as /metrics is concerned. */
export interface MetricsAccess {
  /** The settings profile; only `production` guards /metrics. */
  profile: string;
  /** `metrics.token` (env METRICS_TOKEN): required in production. */
  metrics: { token?: string };
}

export class MetricsTokenMissing extends Error {
  constructor() {
    super('metrics.token: required in production, at least 16 characters (env METRICS_TOKEN)');
  }
}

/**
 * Whether a scrape may read /metrics: in production only with `Authorization: Bearer <metrics
 * token>` (compared in constant time); elsewhere always. Throws when production has no token,
 * so a misconfigured service stops at start instead of serving its figures to anyone.
 */
export function metricsAccess({ profile, metrics: { token } }: MetricsAccess) {
  if (profile !== 'production') return (_authorization: string | undefined) => true;
  if (!token) throw new MetricsTokenMissing();
  return (authorization: string | undefined): boolean => {
    const given = bearerToken(authorization);
    return given !== undefined && tokenMatches(given, token);
  };
}

/** The guard as express middleware: 401 with a JSON error when refused. */
export function metricsGuard(access: MetricsAccess): RequestHandler {
  const allowed = metricsAccess(access);
  return (req, res, next) => {
    if (allowed(req.headers.authorization)) return next();
    res
      .status(401)
      .set('www-authenticate', 'Bearer')
      .json({ error: { code: 'UNAUTHENTICATED', message: 'a metrics token is required' } });
  };
}
