import type { Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { OutboxDoc, OutboxMessage } from './outbox-fields';

export interface OutboxRelayOptions {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  models: Array<Model<any>>;
  producer: Producer;
  logger: Logger;
  /** How often to look for pending events when nobody kicked the relay. */
  intervalMs?: number;
  batchSize?: number;
}

type Pending = OutboxDoc & { _id: unknown };

/**
 * Publishes pending outbox events, then marks them sent. A crash between the two publishes
 * them again on the next pass: consumers are idempotent, so twice is harmless.
 */
export function createOutboxRelay(opts: OutboxRelayOptions) {
  const batchSize = opts.batchSize ?? 1000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  async function drain(model: Model<Pending>): Promise<number> {
    let total = 0;
    for (;;) {
      const docs = await model
        .find({ outboxPending: true }, { outbox: 1 })
        .limit(batchSize)
        .lean<Pending[]>();
      if (docs.length === 0) return total;
      const messages = docs.flatMap((d) => d.outbox ?? []);
      await opts.producer.sendBatch({ topicMessages: groupByTopic(messages), acks: -1 });
      await model.updateMany(
        { _id: { $in: docs.map((d) => d._id) } },
        { $unset: { outbox: 1, outboxPending: 1 } },
      );
      total += messages.length;
      if (docs.length < batchSize) return total;
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      for (const model of opts.models) {
        const sent = await drain(model);
        if (sent > 0)
          opts.logger.debug({ collection: model.collection.name, sent }, 'outbox relayed');
      }
    } while (again && !stopped);
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((err: unknown) => opts.logger.warn({ err }, 'outbox relay pass failed; will retry'))
      .finally(() => {
        running = null;
        schedule();
      });
    return running;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(() => void run(), opts.intervalMs ?? 1000);
  }

  return {
    async start(): Promise<void> {
      stopped = false;
      await opts.producer.connect();
      void run();
    },
    /** Publish soon: called right after a write that owes events. */
    kick(): void {
      if (!stopped) void run();
    },
    /** Resolves once everything pending at call time was published (tests, shutdown). */
    flush: () => run(),
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
      await opts.producer.disconnect();
    },
  };
}

function groupByTopic(messages: OutboxMessage[]) {
  const byTopic = new Map<string, OutboxMessage[]>();
  for (const m of messages) {
    const list = byTopic.get(m.topic);
    if (list) list.push(m);
    else byTopic.set(m.topic, [m]);
  }
  return [...byTopic].map(([topic, ms]) => ({
    topic,
    messages: ms.map(({ key, value, headers }) => ({ key, value, headers })),
  }));
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
