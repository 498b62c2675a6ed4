import type { Server } from 'node:http';
import { createMessageBus, type MessageBus } from '@tally/messaging';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { connectMongo } from '../data/mongo';
import { listen } from '../http/listen';
import { createLogger } from '../logger';
import { createRegistryClient, type RegistryClient } from '../registry/registry-client';
import type {
  BaseSettings,
  KafkaSettings,
  MongoSettings,
  RegistrySettings,
} from '../settings/common-schema';
import type { Running } from './run-service';

export type SubgraphSettings = BaseSettings & {
  mongo: MongoSettings;
  kafka: KafkaSettings;
  registry: RegistrySettings;
};

export interface SubgraphDeps<S extends SubgraphSettings> {
  settings: S;
  logger: Logger;
  db: Connection;
  bus: MessageBus;
  registry: RegistryClient;
}

export interface BuiltSubgraph {
  httpServer: Server;
  /** Background work (consumers, relays) to start after listening and stop before closing. */
  workers?: Array<{ start(): Promise<void>; stop(): Promise<void> }>;
}

/**
 * The common life of a subgraph: connect, build, listen, register; and the reverse on stop
 * (deregister first so the gateway stops routing here, then drain, then disconnect).
 */
export async function bootSubgraph<S extends SubgraphSettings>(opts: {
  name: string;
  sdl: string;
  settings: S;
  build: (deps: SubgraphDeps<S>) => Promise<BuiltSubgraph>;
}): Promise<{ running: Running; logger: Logger }> {
  const { settings } = opts;
  const logger = createLogger(`${opts.name}-subgraph`, settings.log.level);
  const db = await connectMongo(
    settings.mongo.url,
    settings.mongo.database,
    logger,
    settings.mongo,
  );
  const bus = createMessageBus({
    clientId: `tally-${opts.name}`,
    brokers: settings.kafka.brokers,
    ssl: settings.kafka.ssl,
    sasl: settings.kafka.sasl,
    logger,
  });
  const publicUrl = (port: number) =>
    settings.publicUrl ?? `http://${settings.host}:${port}/graphql`;
  let url = '';
  const registry = createRegistryClient({
    registryUrl: settings.registry.url,
    token: settings.registry.token,
    subgraph: opts.name,
    instanceId: settings.instanceId,
    get url() {
      return url;
    },
    sdl: opts.sdl,
    heartbeatSeconds: settings.registry.heartbeatSeconds,
    timeoutMs: settings.registry.timeoutMs,
    logger,
  });
  const built = await opts.build({ settings, logger, db, bus, registry });
  const listening = await listen(built.httpServer, settings.host, settings.port);
  url = publicUrl(listening.port);
  for (const worker of built.workers ?? []) await worker.start();
  await registry.start();
  logger.info({ url }, 'subgraph ready');
  return {
    logger,
    running: {
      async stop() {
        await registry.stop();
        await listening.close(8000);
        for (const worker of [...(built.workers ?? [])].reverse()) await worker.stop();
        await db.close();
      },
    },
  };
}
