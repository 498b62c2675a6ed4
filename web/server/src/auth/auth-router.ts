import express, { Router, type ErrorRequestHandler } from 'express';
import type { ConsoleAuth } from '../config';
import { AuthError, authBodyErrors, sendAuthError } from './auth-error';
import { devTokenRoute } from './dev-token';
import { oidcDiscovery } from './oidc-discovery';
import { oidcTokenRoute } from './oidc-token';

const unexpected: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
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
  // JSON only: a page elsewhere cannot make a browser send JSON here without a CORS
  // preflight, which this server never grants, so it cannot sign anyone in behind their back.
  router.post('/auth/{*step}', (req, res, next) => {
    if (req.is('application/json')) return next();
    sendAuthError(
      res,
      new AuthError(415, 'BAD_REQUEST', 'Send JSON (Content-Type: application/json).'),
    );
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
