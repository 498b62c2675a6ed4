import { createMessageBus } from '@tally/messaging';
import type { Logger } from '@tally/service-kit';
import { sourced } from './deadline';
import { deadLetterSource } from './dead-letters';
import { consumerGroups } from './kafka-source';
import { billReadBuckets, outboxes } from './metrics-source';
import { opsRouter } from './ops-router';
import type { OpsSettings } from './ops-settings';
import type { OpsOverview } from './ops-types';
import { registrySource } from './registry-source';
import { createSampler } from './sampler';

/**
 * The Operations page's backend: reads the registry (its console read token), Kafka (lag, the
 * usage topic, dead letters) and the services' /metrics (outboxes, bill read latency), each
 * with a deadline; samples the charts every 5 s. `stop` ends the sampling and the connections.
 */
export function createOpsBackend(settings: OpsSettings, logger: Logger) {
  const bus = createMessageBus({
    clientId: 'tally-console-ops',
    ...settings.kafka,
    logger: logger.child({ component: 'kafka' }),
  });
  const admin = bus.admin();
  const registry = registrySource(settings.registry);
  const deadLetters = deadLetterSource(bus, settings.topics.deadLetter);
  const { topics } = settings;
  const sampler = createSampler({
    admin,
    usageTopic: topics.usage,
    settlementGroup: settings.settlementGroup,
    settlementTopics: [topics.users, topics.usage],
    billReadBuckets: () => billReadBuckets(settings.gatewayUrl, settings.metricsToken),
    logger,
  });

  async function overview(): Promise<OpsOverview> {
    const now = new Date();
    const [reg, supergraphs, consumers] = await Promise.all([
      registry.registry(now),
      registry.history(),
      sourced('Kafka', () =>
        consumerGroups(admin, settings.groupPrefix, [
          topics.users,
          topics.usage,
          topics.settlement,
          topics.deadLetter,
        ]),
      ),
    ]);
    const outboxFigures = reg.ok
      ? await sourced('the services', () => outboxes(reg.data.subgraphs, settings.metricsToken))
      : { ok: false as const, error: `the services are found through the registry: ${reg.error}` };
    return {
      at: now.toISOString(),
      registry: reg,
      supergraphs,
      consumers,
      outboxes: outboxFigures,
    };
  }

  return {
    router: opsRouter(settings, { overview, charts: sampler.charts, deadLetters }),
    start: () => sampler.start(),
    async stop(): Promise<void> {
      await sampler.stop();
      await Promise.allSettled([admin.close(), deadLetters.close()]);
    },
  };
}

export type OpsBackend = ReturnType<typeof createOpsBackend>;
