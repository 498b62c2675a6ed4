import type { Logger } from 'pino';
import { Gauge } from 'prom-client';
import type { Outbox } from '../outbox/outbox-types';
import { METRIC } from './metric-names';
import type { ServiceMetrics } from './service-metrics';

/**
 * The outbox's backlog, read at scrape time. Cost per scrape: two estimated counts (the
 * collection's own figure, no scan: `outbox` and `outbox_parked`) and one bounded read of
 * `createdAt` alone (`Outbox.oldestPendingAt`, see there), which costs what is pending, at
 * most its scan limit. A store that fails leaves the figures out (logged), never the scrape.
 */
export function watchOutbox(
  metrics: ServiceMetrics,
  opts: { outbox: Outbox; logger: Logger },
): void {
  const { outbox } = opts;
  const registers = [metrics.registry];
  const labelNames = ['collection'] as const;
  const labels = { collection: outbox.collection };
  const leftOut = (err: unknown) =>
    opts.logger.warn({ err: (err as Error).message }, 'metrics: outbox figures left out');
  new Gauge({
    name: METRIC.outboxPending,
    help: 'Outbox intents not yet published (their events owed to Kafka)',
    labelNames,
    registers,
    async collect() {
      this.reset();
      await outbox.pending().then((n) => this.set(labels, n), leftOut);
    },
  });
  new Gauge({
    name: METRIC.outboxOldestAge,
    help: 'Age of the oldest unpublished outbox intent in seconds (0: none pending)',
    labelNames,
    registers,
    async collect() {
      this.reset();
      await outbox
        .oldestPendingAt()
        .then(
          (at) => this.set(labels, at ? Math.max(0, (Date.now() - at.getTime()) / 1000) : 0),
          leftOut,
        );
    },
  });
  new Gauge({
    name: METRIC.outboxParked,
    help: 'Outbox intents set aside (parked) after the broker refused their events every time',
    labelNames,
    registers,
    async collect() {
      this.reset();
      await outbox.parked().then((n) => this.set(labels, n), leftOut);
    },
  });
}
