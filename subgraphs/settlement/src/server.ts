import { randomUUID } from 'node:crypto';
import {
  createSubgraphApp,
  mongoHealth,
  readSchema,
  topicsWorker,
  watchConsumers,
  type BuiltSubgraph,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import { createContext } from './context';
import { consumerCaughtUp } from './events/caught-up';
import { periodClosedAnnouncer } from './events/period-closed';
import {
  createSettlementConsumer,
  factTopics,
  settlementGroupId,
} from './events/settlement-consumer';
import { resolvers } from './resolvers';
import { openSettlement } from './store/open-settlement';
import { makeApplyEvents } from './use-cases/apply-events';
import { makeBillOf } from './use-cases/bill-of';
import { makeClosePeriod } from './use-cases/close-period';
import { closeScheduler } from './use-cases/close-scheduler';
import { makeInvoices } from './use-cases/invoices';

export const subgraphName = 'settlement';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(deps: SubgraphDeps<Settings>): Promise<BuiltSubgraph> {
  const { settings, logger } = deps;
  const { timeZone, graceDays, autoClose } = settings.billing;
  const settlement = await openSettlement(deps.db, { timeZone, graceDays, autoClose, logger });
  const consumer = createSettlementConsumer({
    bus: deps.bus,
    groupPrefix: settings.kafka.groupPrefix,
    topics: settings.topics,
    applyFacts: makeApplyEvents(settlement),
    logger,
  });
  const publisher = deps.bus.publisher();
  const close = makeClosePeriod({
    ...settlement,
    owner: `${settings.instanceId ?? 'settlement'}-${randomUUID()}`,
    leaseMs: settings.closing.leaseSeconds * 1000,
    chunkSize: settings.closing.chunkSize,
    caughtUp: consumerCaughtUp({
      bus: deps.bus,
      groupId: settlementGroupId(settings.kafka.groupPrefix),
      topics: factTopics(settings.topics),
      deadlineMs: settings.closing.catchUpSeconds * 1000,
      logger,
    }),
    announce: periodClosedAnnouncer(publisher, settings.topics),
    logger,
  });
  const billOf = makeBillOf(settlement);
  const invoices = makeInvoices(settlement);
  const closePeriod = (period: string) => close.closeThrough(period, true);
  const { httpServer, metrics } = await createSubgraphApp({
    signedCalls: { audience: 'settlement', secret: settings.internalAuth.secret },
    metrics: { service: `${subgraphName}-subgraph`, access: settings },
    typeDefs: schema.typeDefs,
    resolvers,
    logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: deps.bus.health,
      registry: deps.registry.health,
      consumer: consumer.health,
    },
    context: async () => createContext({ billOf, invoices, closePeriod }),
  });
  const consumerMetrics = watchConsumers(metrics, {
    bus: deps.bus,
    consumers: [consumer],
    deadLetterTopic: settings.topics.deadLetter,
    logger,
  });
  return {
    httpServer,
    workers: [
      topicsWorker(deps.bus, Object.values(settings.topics), settings.kafka.partitions),
      consumer,
      { start: () => publisher.connect(), stop: () => publisher.disconnect() },
      closeScheduler({
        ...settlement,
        close,
        pollMs: settings.closing.pollSeconds * 1000,
        logger,
      }),
      consumerMetrics,
    ],
  };
}
