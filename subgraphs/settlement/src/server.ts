import {
  createSubgraphApp,
  kafkaHealth,
  mongoHealth,
  readSchema,
  topicsWorker,
  type BuiltSubgraph,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import type { Context } from './context';
import { createSettlementConsumer } from './events/settlement-consumer';
import { resolvers } from './resolvers';
import { createFactStore } from './store/fact-store';
import { subscriptionFactModel } from './store/subscription-fact-model';
import { usageFactModel } from './store/usage-fact-model';
import { makeBillOf } from './use-cases/bill-of';

export const subgraphName = 'settlement';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(deps: SubgraphDeps<Settings>): Promise<BuiltSubgraph> {
  const { settings } = deps;
  const models = { subscriptions: subscriptionFactModel(deps.db), usages: usageFactModel(deps.db) };
  await Promise.all(Object.values(models).map((m) => m.init()));
  const facts = createFactStore(models);
  const consumer = createSettlementConsumer({
    kafka: deps.kafka,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    facts,
    logger: deps.logger,
  });
  const context: Context = { billOf: makeBillOf({ facts, timeZone: settings.billing.timeZone }) };
  const { httpServer } = await createSubgraphApp({
    typeDefs: schema.typeDefs,
    resolvers: resolvers as never,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: kafkaHealth(deps.kafka),
      registry: deps.registry.health,
      consumer: consumer.health,
    },
    context: async () => context,
  });
  return {
    httpServer,
    workers: [
      topicsWorker(deps.kafka, Object.values(settings.topics), settings.kafka.partitions),
      consumer,
    ],
  };
}
