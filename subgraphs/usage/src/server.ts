import {
  createOutboxRelay,
  createProducer,
  topicsWorker,
  createSubgraphApp,
  createSubgraphClient,
  kafkaHealth,
  mongoHealth,
  readSchema,
  type BuiltSubgraph,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import type { Context } from './context';
import { periodRange } from '@tally/billing-time';
import { createKnownUsersConsumer } from './events/known-users-consumer';
import { usageRecorded } from './events/usage-events';
import { resolvers } from './resolvers';
import { knownUserModel } from './store/known-user-model';
import { createUsageQueries } from './store/usage-queries';
import { usageRecordModel } from './store/usage-record-model';
import { createUserDirectory } from './store/user-directory';
import { makeRecordUsages } from './use-cases/record-usages';

export const subgraphName = 'usage';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(
  deps: SubgraphDeps<Settings>,
): Promise<BuiltSubgraph & { relay: ReturnType<typeof createOutboxRelay> }> {
  const { settings } = deps;
  const records = usageRecordModel(deps.db);
  const knownUsers = knownUserModel(deps.db);
  await Promise.all([records.init(), knownUsers.init()]);
  const relay = createOutboxRelay({
    models: [records],
    producer: createProducer(deps.kafka),
    logger: deps.logger,
  });
  const users = createUserDirectory({
    knownUsers,
    userSubgraph: createSubgraphClient({ registryUrl: settings.registry.url, subgraph: 'user' }),
  });
  const consumer = createKnownUsersConsumer({
    kafka: deps.kafka,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    users,
    logger: deps.logger,
  });
  const context: Context = {
    queries: createUsageQueries(records),
    recordUsages: makeRecordUsages({
      records,
      users,
      toEvent: (r) => usageRecorded(settings.topics, r),
      written: (docs) => relay.publish(records, docs),
    }),
    periodRange: (period) => periodRange(period, settings.billing.timeZone),
  };
  const { httpServer } = await createSubgraphApp({
    typeDefs: schema.typeDefs,
    resolvers: resolvers as never,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: kafkaHealth(deps.kafka),
      registry: deps.registry.health,
    },
    context: async () => context,
  });
  return {
    httpServer,
    relay,
    workers: [
      topicsWorker(deps.kafka, Object.values(settings.topics), settings.kafka.partitions),
      relay,
      consumer,
    ],
  };
}
