import { DEFAULT_ROLE_SCOPES, signInternalToken } from '@tally/auth';
import type { MessageBus } from '@tally/messaging';
import { createRegistryClient } from '@tally/service-kit';
import { kafkaBrokers, mongoUrl } from '@tally/testkit';
import type { Connection } from 'mongoose';
import { settingsSchema, type Settings } from '../../src/config';
import { createServer, schema } from '../../src/server';
import { logger } from './infra';

/**
 * The user subgraph as main builds it (`createServer`), over the test's database, bus and
 * topics, with a registry client that never reaches a registry (nothing listens on :9).
 */
export async function buildUserServer(opts: {
  db: Connection;
  bus: MessageBus;
  groupPrefix: string;
  topics: { users: string; usage: string; settlement: string; deadLetter: string };
}) {
  const settings = settingsSchema.parse({
    profile: 'test',
    host: '127.0.0.1',
    port: 0,
    log: { level: 'silent' },
    mongo: { url: mongoUrl(), database: opts.db.name },
    kafka: { brokers: kafkaBrokers(), partitions: 1, groupPrefix: opts.groupPrefix },
    registry: { url: 'http://127.0.0.1:9/', token: 'test-token', heartbeatSeconds: 5 },
    internalAuth: { secret: 'test-internal-secret-of-32-characters' },
    billing: { timeZone: 'Asia/Seoul' },
    topics: opts.topics,
  });
  const registry = createRegistryClient({
    registryUrl: settings.registry.url,
    token: settings.registry.token,
    subgraph: 'user',
    url: 'http://127.0.0.1:0/graphql',
    sdl: schema.sdl,
    heartbeatSeconds: 5,
    logger,
  });
  const built = await createServer({ settings, logger, db: opts.db, bus: opts.bus, registry });
  return { settings, built };
}

/** A token for the user subgraph as the gateway signs an agent's calls. */
export function signedAsGateway(settings: Settings): Promise<string> {
  return signInternalToken({
    secret: settings.internalAuth.secret,
    caller: 'gateway',
    audience: 'user',
    identity: { authenticated: true, scopes: new Set(DEFAULT_ROLE_SCOPES.agent) },
  });
}
