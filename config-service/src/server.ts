import { access, constants } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import express from 'express';
import { createServiceMetrics, healthRouter, metricsRouter, type Logger } from '@tally/service-kit';
import type { Settings } from './config';
import type { Environment } from './domain/placeholders';
import { configRoute } from './http/config-route';
import { errorHandler, notFound } from './http/errors';
import { countConfigRequests } from './metrics/config-metrics';

export interface ConfigServerDeps {
  settings: Settings;
  /** Resolves `${ENV}` placeholders; main passes the process environment, tests their own. */
  env: Environment;
  logger: Logger;
}

/** Builds the config service's HTTP server without listening. */
export function createServer({ settings, env, logger }: ConfigServerDeps) {
  const dir = settings.configRepo.dir;
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRouter({ configRepo: () => access(dir, constants.R_OK) }));
  const metrics = createServiceMetrics('config-service');
  app.use(metricsRouter({ metrics, access: settings, logger }));
  app.get(
    '/v1/config/:service/:profile',
    countConfigRequests(metrics, Object.keys(settings.tokens)),
  );
  app.use(configRoute({ dir, env, tokens: settings.tokens, logger }));
  app.use(notFound);
  app.use(errorHandler(logger));
  return { app, httpServer: createHttpServer(app) };
}
