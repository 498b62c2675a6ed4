import { createTokenVerifier, DEFAULT_ROLE_SCOPES, type TokenVerifier } from '@tally/auth';
import type { RequestHandler, Response } from 'express';
import type { OpsTokenCheck } from './ops-settings';

export type OpsScope = 'ops:read' | 'ops:write';

export function sendOpsError(res: Response, status: number, code: string, message: string) {
  res.status(status).set('cache-control', 'no-store').json({ error: { code, message } });
}

/**
 * Checks the caller's `Authorization: Bearer` JWT as the gateway does (same issuer, audience
 * and JWKS; RS256/ES256; roles mapped to scopes by security.md's defaults) and requires
 * `scope`: no token or a bad one 401 UNAUTHENTICATED, a token without the scope 403 FORBIDDEN.
 * Without a token check (production missing its settings) every call is 503.
 */
export function opsAuth(check: OpsTokenCheck | null, missing: readonly string[]) {
  const verifier: TokenVerifier | null =
    check && createTokenVerifier({ ...check, roleScopes: DEFAULT_ROLE_SCOPES });
  return (scope: OpsScope): RequestHandler =>
    async (req, res, next) => {
      if (!verifier)
        return sendOpsError(
          res,
          503,
          'OPS_NOT_CONFIGURED',
          `the operations endpoints need ${missing.join(', ')} set on the console server`,
        );
      const authorization = req.headers.authorization;
      const { identity, problem } = await verifier.verify(authorization);
      if (!identity.authenticated) {
        res.set('www-authenticate', 'Bearer');
        return sendOpsError(
          res,
          401,
          'UNAUTHENTICATED',
          problem ?? 'the operations endpoints need Authorization: Bearer <token>',
        );
      }
      if (!identity.scopes.has(scope))
        return sendOpsError(res, 403, 'FORBIDDEN', `this needs the ${scope} permission`);
      next();
    };
}
