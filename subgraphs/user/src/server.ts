import { randomUUID } from 'node:crypto';
import {
  createOutbox,
  createSubgraphApp,
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
import { createContextFactory } from './context';
import { createClosedPeriodsConsumer } from './events/closed-periods-consumer';
import { createUserEvents } from './events/user-events';
import { resolvers } from './resolvers';
import { makeStores } from './store';
import { ensureUserLayout } from './store/layout';
import { makeRedo } from './use-cases/redo';

export const subgraphName = 'user';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(
  deps: SubgraphDeps<Settings>,
): Promise<BuiltSubgraph & { outbox: Outbox }> {
  const { settings } = deps;
  const stores = makeStores(deps.db);
  const outbox = createOutbox({
    db: deps.db,
    publisher: deps.bus.publisher(),
    logger: deps.logger,
    redo: makeRedo(stores),
  });
  // Before any model.init(): creating collections would make an empty database look like layout 1.
  await ensureUserLayout(deps.db, outbox, deps.logger);
  await stores.ready();
  const context = createContextFactory({
    ...stores,
    outbox,
    closing: {
      timeZone: settings.billing.timeZone,
      graceDays: settings.billing.graceDays,
      autoClose: settings.billing.autoClose,
    },
    events: createUserEvents(settings.topics),
    newId: randomUUID,
    now: () => new Date(),
  });
  const closedPeriods = createClosedPeriodsConsumer({
    bus: deps.bus,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    closedPeriods: stores.closedPeriods,
    logger: deps.logger,
  });
  const { httpServer, metrics } = await createSubgraphApp({
    signedCalls: { audience: 'user', secret: settings.internalAuth.secret },
    metrics: { service: `${subgraphName}-subgraph`, access: settings },
    typeDefs: schema.typeDefs,
    resolvers,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: deps.bus.health,
      registry: deps.registry.health,
    },
    context,
    healthStats: async () => ({
      outbox: { pending: await outbox.pending(), parked: await outbox.parked() },
    }),
  });
  watchOutbox(metrics, { outbox, logger: deps.logger });
  const consumerMetrics = watchConsumers(metrics, {
    bus: deps.bus,
    consumers: [closedPeriods],
    deadLetterTopic: settings.topics.deadLetter,
    logger: deps.logger,
  });
  return {
    httpServer,
    outbox,
    workers: [
      // Every topic, as the other subgraphs do: users and settlement (consumed) among them.
      topicsWorker(deps.bus, Object.values(settings.topics), settings.kafka.partitions),
      outbox,
      closedPeriods,
      consumerMetrics,
    ],
  };
}
