import { createServer as createHttpServer } from 'node:http';
import express from 'express';
import type { Connection } from 'mongoose';
import {
  createServiceMetrics,
  healthRouter,
  metricsRouter,
  mongoHealth,
  type Logger,
} from '@tally/service-kit';
import { compose } from './composition/compose';
import type { Settings } from './config';
import { registryAccess } from './http/auth';
import { errorHandler, notFound } from './http/errors';
import { healthRoute, selfPreservationStatus } from './http/health-route';
import { instanceRoutes } from './http/instance-routes';
import { subgraphRoutes } from './http/subgraph-routes';
import { supergraphRoute } from './http/supergraph-route';
import { createRegistryMetrics } from './metrics/registry-metrics';
import { makeStores } from './store';
import { startSweeper } from './sweeper';
import { makeRegistry } from './use-cases/registry';

export interface RegistryServerDeps {
  settings: Settings;
  db: Connection;
  logger: Logger;
  now?: () => Date;
}

/** Builds the registry over its database, restores the last supergraph, starts the sweep; no port. */
export async function createServer({ settings, db, logger, now }: RegistryServerDeps) {
  const { leaseSeconds, sweepSeconds, maxSdlBytes, selfPreservationShare, allowedHosts } =
    settings.registry;
  const { clients, adminToken } = settings.registry;
  const stores = makeStores(db);
  await stores.ready();
  const metrics = createServiceMetrics('registry-service');
  const figures = createRegistryMetrics(metrics, {
    registry: () => registry,
    instances: () => stores.instances.all(),
    leaseSeconds,
    now: now ?? (() => new Date()),
    logger,
  });
  const registry = makeRegistry({
    stores,
    compose,
    logger,
    leaseSeconds,
    maxLapseShare: selfPreservationShare,
    now,
    onEvicted: figures.evicted,
  });
  await registry.restore();

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(healthRouter({ mongo: mongoHealth(db) }, () => selfPreservationStatus(registry)));
  app.use(healthRoute({ registry }));
  app.use(metricsRouter({ metrics, access: settings, logger }));
  const access = registryAccess({ clients, adminToken, logger });
  app.use(instanceRoutes({ registry, access, maxSdlBytes, allowedHosts }));
  app.use(subgraphRoutes({ registry, access }));
  app.use(supergraphRoute({ registry, access }));
  app.use(notFound);
  app.use(errorHandler(logger));

  const sweeper = startSweeper(() => registry.sweep(), sweepSeconds, logger);
  return { app, httpServer: createHttpServer(app), registry, stop: () => sweeper.stop() };
}

export type RegistryServer = Awaited<ReturnType<typeof createServer>>;
