import {
  createSubgraphApp,
  mongoHealth,
  readSchema,
  topicsWorker,
  type BuiltSubgraph,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import { createContext } from './context';
import { createSettlementConsumer } from './events/settlement-consumer';
import { resolvers } from './resolvers';
import { openBillState } from './store/open-bill-state';
import { makeApplyEvents } from './use-cases/apply-events';
import { makeBillOf } from './use-cases/bill-of';

export const subgraphName = 'settlement';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(deps: SubgraphDeps<Settings>): Promise<BuiltSubgraph> {
  const { settings } = deps;
  const timeZone = settings.billing.timeZone;
  const store = await openBillState(deps.db, { timeZone, logger: deps.logger });
  const consumer = createSettlementConsumer({
    bus: deps.bus,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    applyFacts: makeApplyEvents({ store, timeZone, now: () => new Date() }),
    logger: deps.logger,
  });
  const billOf = makeBillOf({ store, timeZone });
  const { httpServer } = await createSubgraphApp({
    signedCalls: { audience: 'settlement', secret: deps.settings.internalAuth.secret },
    typeDefs: schema.typeDefs,
    resolvers,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: deps.bus.health,
      registry: deps.registry.health,
      consumer: consumer.health,
    },
    context: async () => createContext(billOf),
  });
  return {
    httpServer,
    workers: [
      topicsWorker(deps.bus, Object.values(settings.topics), settings.kafka.partitions),
      consumer,
    ],
  };
}
