import {
  createOutbox,
  createSubgraphApp,
  createSubgraphClient,
  ensureLayout,
  mongoHealth,
  readSchema,
  topicsWorker,
  watchConsumers,
  watchOutbox,
  type BuiltSubgraph,
  type Outbox,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import { createContext } from './context';
import type { UsageRecord } from './domain/usage-record';
import { createKnownUsersConsumer } from './events/known-users-consumer';
import { usageRecorded } from './events/usage-events';
import { resolvers } from './resolvers';
import { makeStores } from './store';
import { migrateToLayout2 } from './store/migrations/layout-2';
import { makeUserDirectory } from './store/user-directory';
import { USAGE_RECORD_KIND } from './use-cases/deps';
import { makeRecordUsages } from './use-cases/record-usages';
import { makeRedoUsageRecord } from './use-cases/redo-usage-record';
import { makeUsageQueries } from './use-cases/usage-queries';

export const subgraphName = 'usage';
export const schema = readSchema(`${__dirname}/..`);

/** The stored layout this code reads and writes (see README, "Stored shape"). */
export const LAYOUT_VERSION = 2;

/** Test hooks: how soon the outbox sweep finishes intents left behind. */
export interface UsageServerOptions {
  outbox?: { sweepMs?: number; graceMs?: number };
}

export async function createServer(
  deps: SubgraphDeps<Settings>,
  options: UsageServerOptions = {},
): Promise<BuiltSubgraph & { outbox: Outbox }> {
  const { settings, logger, db } = deps;
  const timeZone = settings.billing.timeZone;
  const eventsOf = (r: UsageRecord) => [usageRecorded(settings.topics, r)];
  const stores = makeStores(db, timeZone);
  const outbox = createOutbox({
    db,
    publisher: deps.bus.publisher(),
    logger,
    redo: { [USAGE_RECORD_KIND]: makeRedoUsageRecord(stores) },
    ...options.outbox,
  });
  // Before any collection is created: an empty database must not look like layout 1.
  await ensureLayout(db, {
    service: `${subgraphName}-subgraph`,
    version: LAYOUT_VERSION,
    migrations: { 2: migrateToLayout2({ outbox, timeZone, eventsOf }) },
    logger,
  });
  await stores.ready();

  const users = makeUserDirectory({
    knownUsers: stores.knownUsers,
    userSubgraph: createSubgraphClient({
      registryUrl: settings.registry.url,
      registryToken: settings.registry.token,
      subgraph: 'user',
      signedAs: {
        caller: subgraphName,
        secret: settings.internalAuth.secrets.user,
        scopes: ['users:read'],
      },
      logger,
    }),
  });
  const shared = {
    queries: makeUsageQueries(stores),
    recordUsages: makeRecordUsages({ ...stores, users, outbox, eventsOf }),
  };
  const consumer = createKnownUsersConsumer({
    bus: deps.bus,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    knownUsers: stores.knownUsers,
    logger,
  });
  const { httpServer, metrics } = await createSubgraphApp({
    signedCalls: { audience: 'usage', secret: settings.internalAuth.secret },
    metrics: { service: `${subgraphName}-subgraph`, access: settings },
    typeDefs: schema.typeDefs,
    resolvers,
    logger,
    healthChecks: {
      mongo: mongoHealth(db),
      kafka: deps.bus.health,
      registry: deps.registry.health,
    },
    context: async () => createContext(shared),
    healthStats: async () => ({
      outbox: { pending: await outbox.pending(), parked: await outbox.parked() },
    }),
  });
  watchOutbox(metrics, { outbox, logger });
  const consumerMetrics = watchConsumers(metrics, {
    bus: deps.bus,
    consumers: [consumer],
    deadLetterTopic: settings.topics.deadLetter,
    logger,
  });
  return {
    httpServer,
    outbox,
    workers: [
      topicsWorker(deps.bus, Object.values(settings.topics), settings.kafka.partitions),
      outbox,
      consumer,
      consumerMetrics,
    ],
  };
}
