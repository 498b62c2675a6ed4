import type { BusAdmin, EventConsumer, MessageBus } from '@tally/messaging';
import type { Logger } from 'pino';
import { Counter, Gauge } from 'prom-client';
import { partitionLags, topicSize } from './consumer-lag';
import { METRIC } from './metric-names';
import type { ServiceMetrics } from './service-metrics';

/** A scrape waits this long for the brokers, then leaves the Kafka figures out. */
const KAFKA_SCRAPE_TIMEOUT_MS = 3000;

type Watched = Pick<EventConsumer, 'groupId' | 'topics' | 'deadLettered'>;

function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error('no answer from the brokers in time')),
      KAFKA_SCRAPE_TIMEOUT_MS,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Consumer figures, read at scrape time: each group's lag per topic and partition (one
 * offsets request per group and topic, one watermark request per topic, on one admin
 * connection kept for the process), the messages each consumer set aside on the dead-letter
 * topic, and how many that topic holds. When the brokers do not answer in time the lag is
 * left out (never a stale figure) and `tally_kafka_scrape_errors_total` counts it.
 */
export function watchConsumers(
  metrics: ServiceMetrics,
  opts: { bus: MessageBus; consumers: Watched[]; deadLetterTopic: string; logger: Logger },
): { start(): Promise<void>; stop(): Promise<void> } {
  let admin: BusAdmin | undefined;
  const adminOf = () => (admin ??= opts.bus.admin());
  const registers = [metrics.registry];
  const errors = new Counter({
    name: METRIC.kafkaScrapeErrors,
    help: 'Scrapes whose Kafka figures were left out: the brokers did not answer in time',
    registers,
  });
  const failed = (err: unknown) => {
    errors.inc();
    opts.logger.warn({ err: (err as Error).message }, 'metrics: Kafka figures left out');
  };
  new Gauge({
    name: METRIC.consumerLag,
    help: "Messages a consumer group has not committed yet: the partition's high watermark less the committed offset",
    labelNames: ['group', 'topic', 'partition'],
    registers,
    async collect() {
      this.reset();
      const pairs = opts.consumers.flatMap((c) =>
        c.topics.map((topic) => ({ group: c.groupId, topic })),
      );
      try {
        const lags = await withinDeadline(
          Promise.all(
            pairs.map(async ({ group, topic }) => {
              const [ranges, committed] = await Promise.all([
                adminOf().partitionRanges(topic),
                adminOf().committedOffsets(group, topic),
              ]);
              return partitionLags(topic, ranges, committed).map((l) => ({ group, ...l }));
            }),
          ),
        );
        for (const { group, topic, partition, lag } of lags.flat())
          this.set({ group, topic, partition: String(partition) }, lag);
      } catch (err) {
        failed(err);
      }
    },
  });
  new Gauge({
    name: METRIC.deadLetterTopicMessages,
    help: 'Messages the dead-letter topic holds now (all services set aside into it)',
    labelNames: ['topic'],
    registers,
    async collect() {
      this.reset();
      try {
        const ranges = await withinDeadline(adminOf().partitionRanges(opts.deadLetterTopic));
        this.set({ topic: opts.deadLetterTopic }, topicSize(ranges));
      } catch (err) {
        failed(err);
      }
    },
  });
  new Counter({
    name: METRIC.deadLettered,
    help: 'Messages this process set aside on the dead-letter topic, by consumer group and original topic',
    labelNames: ['group', 'topic'],
    registers,
    collect() {
      // The consumers count; this copies their (ever-growing) figures in.
      this.reset();
      for (const c of opts.consumers) {
        for (const topic of c.topics) this.inc({ group: c.groupId, topic }, 0);
        for (const [topic, n] of Object.entries(c.deadLettered()))
          this.inc({ group: c.groupId, topic }, n);
      }
    },
  });
  // A worker only to close the admin connection a scrape opened.
  return {
    start: async () => undefined,
    async stop() {
      await admin?.close();
      admin = undefined;
    },
  };
}
