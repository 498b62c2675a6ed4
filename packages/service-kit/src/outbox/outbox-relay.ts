import type { Producer } from 'kafkajs';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import type { OutboxDoc, OutboxMessage } from './outbox-fields';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyModel = Model<any>;
type Owed = OutboxDoc & { _id: unknown };

export interface OutboxRelayOptions {
  models: AnyModel[];
  producer: Producer;
  logger: Logger;
  /** How often to sweep for events left pending (a crash, a failed publish). */
  sweepMs?: number;
  batchSize?: number;
}

/**
 * Publishes outbox events, then marks them sent. Fresh writes are handed over in memory and
 * published at once, batched across concurrent requests, and cleared by _id; a sweep finds
 * whatever is still pending (at start: a crash between write and publish; later: a failed
 * publish). A crash between publish and clear publishes again: consumers are idempotent.
 */
export function createOutboxRelay(opts: OutboxRelayOptions) {
  const batchSize = opts.batchSize ?? 1000;
  const queue = new Map<AnyModel, Owed[]>();
  const inFlight = new Set<unknown>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;

  async function publish(model: AnyModel, docs: Owed[]): Promise<number> {
    const messages = docs.flatMap((d) => d.outbox ?? []);
    if (messages.length > 0)
      await opts.producer.sendBatch({ topicMessages: groupByTopic(messages), acks: -1 });
    await model.updateMany(
      { _id: { $in: docs.map((d) => d._id) } },
      { $unset: { outbox: 1, outboxPending: 1 } },
    );
    return messages.length;
  }

  async function drainQueue(): Promise<void> {
    for (const [model, docs] of [...queue]) {
      queue.delete(model);
      try {
        for (let i = 0; i < docs.length; i += batchSize)
          await publish(model, docs.slice(i, i + batchSize));
      } finally {
        docs.forEach((d) => inFlight.delete(d._id));
      }
    }
  }

  async function sweep(model: AnyModel): Promise<number> {
    let total = 0;
    for (;;) {
      const filter =
        inFlight.size > 0
          ? { outboxPending: true, _id: { $nin: [...inFlight] } }
          : { outboxPending: true };
      const docs = await model.find(filter, { outbox: 1 }).limit(batchSize).lean<Owed[]>().exec();
      if (docs.length === 0) return total;
      total += await publish(model, docs);
      if (docs.length < batchSize) return total;
    }
  }

  async function pass(withSweep: boolean): Promise<void> {
    do {
      again = false;
      await drainQueue();
    } while (again && !stopped);
    if (!withSweep) return;
    for (const model of opts.models) {
      const sent = await sweep(model);
      if (sent > 0)
        opts.logger.info(
          { collection: model.collection.name, sent },
          'outbox sweep published pending events',
        );
    }
  }

  function run(withSweep: boolean): Promise<void> {
    if (running) {
      again = true;
      return running.then(() => (withSweep ? run(true) : undefined));
    }
    running = pass(withSweep)
      .catch((err: unknown) =>
        opts.logger.warn({ err }, 'outbox relay failed; the sweep will retry'),
      )
      .finally(() => {
        running = null;
        if (queue.size > 0 && !stopped) void run(false);
      });
    return running;
  }

  function scheduleSweep(): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(() => void run(true).finally(scheduleSweep), opts.sweepMs ?? 5000);
  }

  return {
    async start(): Promise<void> {
      stopped = false;
      await opts.producer.connect();
      void run(true).finally(scheduleSweep);
    },
    /** Hands over documents just written with their outbox: published right away. */
    publish(model: AnyModel, docs: Owed[]): void {
      if (stopped || docs.length === 0) return;
      const list = queue.get(model) ?? [];
      list.push(...docs);
      queue.set(model, list);
      docs.forEach((d) => inFlight.add(d._id));
      void run(false);
    },
    /** Resolves once everything pending at call time was published (tests, shutdown). */
    flush: () => run(true),
    async stop(): Promise<void> {
      await run(false);
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
