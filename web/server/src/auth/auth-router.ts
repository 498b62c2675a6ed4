import express, { Router, type ErrorRequestHandler } from 'express';
import type { ConsoleAuth } from '../config';
import { AuthError, authBodyErrors, sendAuthError } from './auth-error';
import { devTokenRoute } from './dev-token';
import { oidcDiscovery } from './oidc-discovery';
import { oidcTokenRoute } from './oidc-token';

const unexpected: ErrorRequestHandler = (_err, _req, res, next) => {
  if (res.headersSent) return next(_err);
  sendAuthError(
    res,
    new AuthError(500, 'INTERNAL', 'The console could not sign you in. Try again.'),
  );
};

/**
 * What the SPA needs to sign in. GET /auth/config says how; development adds
 * POST /auth/dev-token, production POST /auth/oidc-token (and never the dev route).
 * GET /auth/callback is not here: it is a page of the SPA, served like any other.
 */
export function authRouter(auth: ConsoleAuth): Router {
  const router = Router();
  router.use('/auth', (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  router.use('/auth', express.json({ limit: '16kb' }), authBodyErrors);

  if (auth.mode === 'development') {
    router.get('/auth/config', (_req, res) => void res.json({ mode: 'development' }));
    router.post('/auth/dev-token', devTokenRoute(auth.issuerUrl));
  } else {
    const endpoints = oidcDiscovery(auth.issuer);
    router.get('/auth/config', async (_req, res) => {
      try {
        const { authorizationEndpoint, endSessionEndpoint } = await endpoints();
        res.json({
          mode: 'oidc',
          issuer: auth.issuer,
          clientId: auth.clientId,
          scope: auth.scope,
          resource: auth.resource,
          authorizationEndpoint,
          endSessionEndpoint,
        });
      } catch (err) {
        if (!(err instanceof AuthError)) throw err;
        sendAuthError(res, err);
      }
    });
    router.post('/auth/oidc-token', oidcTokenRoute(auth, endpoints));
  }
  router.use('/auth', unexpected);
  return router;
}
