import { createServer as createHttpServer } from 'node:http';
import express from 'express';
import { publicJwks, type RoleScopes } from '@tally/auth';
import { healthRouter, type Logger } from '@tally/service-kit';
import { errorHandler, notFound } from './errors';
import { keySource } from './key-source';
import { tokenRoute } from './token-route';

export const JWKS_PATH = '/.well-known/jwks.json';
export const DISCOVERY_PATH = '/.well-known/openid-configuration';

export interface IssuerServerDeps {
  /** The tokens' `iss`; asked per request, as a process on port 0 learns it once it listens. */
  issuerUrl: () => string;
  audience: string;
  keyDir: string;
  roleScopes: RoleScopes;
  logger: Logger;
}

/** Builds the local issuer's HTTP server without listening; `signingKey` loads (or makes) the key. */
export function createIssuerServer(deps: IssuerServerDeps) {
  const key = keySource(deps.keyDir, deps.logger);
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter({ signingKey: async () => void (await key()) }));
  app.get(DISCOVERY_PATH, (_req, res) => {
    const issuer = deps.issuerUrl();
    res.json({ issuer, jwks_uri: `${issuer}${JWKS_PATH}` });
  });
  app.get(JWKS_PATH, async (_req, res) => {
    res.json(publicJwks(await key()));
  });
  app.use(tokenRoute({ ...deps, key }));
  app.use(notFound);
  app.use(errorHandler(deps.logger));
  return { app, httpServer: createHttpServer(app), signingKey: key };
}
