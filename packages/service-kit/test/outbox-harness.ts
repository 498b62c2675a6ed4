import { kafkaBrokers, mongoUrlFor, uniqueName } from '@tally/testkit';
import { waitUntil } from '@tally/retry';
import { createMessageBus, type Publisher } from '@tally/messaging';
import mongoose from 'mongoose';
import pino, { type Logger } from 'pino';
import type { OutboxMessage } from '../src/outbox/outbox-types';
import { createOutbox, type OutboxOptions } from '../src/outbox/outbox';
import { intentCollection } from '../src/outbox/outbox-store';
import type { Outbox, OutboxEntry } from '../src/outbox/outbox-types';

/** The test's state change: put `value` at `key`, unless another write's value stands. */
export interface Put {
  key: string;
  value: string;
}

interface StateDoc {
  _id: string;
  value: string;
  outboxId: string;
}

/**
 * One test's world: its own database and topic (one partition, so order shows), a consumer
 * counting what reaches the topic, a state collection written the way a store would
 * (first write wins, carrying its intent's id) and a captured log.
 */
export async function createHarness() {
  const topic = uniqueName('outbox');
  const logLines: Array<{ level: number; msg: string; kind?: string }> = [];
  const logger: Logger = pino(
    { level: 'debug' },
    { write: (line) => logLines.push(JSON.parse(line)) },
  );
  const bus = createMessageBus({ clientId: 'outbox-test', brokers: kafkaBrokers(), logger });
  await bus.ensureTopics([topic], 1);
  const db = await mongoose.createConnection(mongoUrlFor(uniqueName('outbox'))).asPromise();
  const state = db.collection<StateDoc>('state');
  const received: string[] = [];
  const following = await bus.follow(topic, (m) => void received.push(String(m.value)));
  const sentinels = bus.publisher();
  await sentinels.connect();
  const outboxes: Outbox[] = [];

  /** Writes the state for intent `outboxId` unless one stands; answers whether this intent's stands. */
  async function put(change: Put, outboxId: string): Promise<boolean> {
    await state.updateOne(
      { _id: change.key },
      { $setOnInsert: { value: change.value, outboxId } },
      { upsert: true },
    );
    return (await state.findOne({ _id: change.key }))?.outboxId === outboxId;
  }

  return {
    topic,
    db,
    bus,
    logLines,
    put,
    /** The outbox collection itself, in its documented shape. */
    intents: () => intentCollection(db, 'outbox'),
    stateOf: (key: string) => state.findOne({ _id: key }),
    entry: (change: Put, kind = 'put'): OutboxEntry<Put> => ({
      kind,
      change,
      messages: [message(topic, change)],
    }),
    /** An outbox on this test's database; `redo` defaults to `put` for kind 'put'. */
    outbox(opts: Partial<OutboxOptions> = {}): Outbox {
      const outbox = createOutbox({
        db,
        publisher: bus.publisher(),
        logger,
        redo: { put },
        sweepMs: 60_000,
        graceMs: 0,
        ...opts,
      });
      outboxes.push(outbox);
      return outbox;
    },
    /**
     * Everything the topic holds so far, in order: a sentinel sent now lands after whatever
     * was published before, so once it arrives nothing published earlier is missing.
     */
    async published(): Promise<Put[]> {
      const sentinel = uniqueName('sentinel');
      await sentinels.publish([{ topic, key: 'sentinel', value: sentinel }]);
      await waitUntil(() => received.includes(sentinel), {
        deadlineMs: 30_000,
        intervalMs: 50,
      });
      return received.filter((v) => !v.startsWith('sentinel-')).map((v) => JSON.parse(v) as Put);
    },
    async close(): Promise<void> {
      await Promise.all(outboxes.map((o) => o.stop().catch(() => undefined)));
      await following.stop();
      await sentinels.disconnect();
      await db.dropDatabase();
      await db.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof createHarness>>;

export function message(topic: string, change: Put): OutboxMessage {
  return { topic, key: change.key, value: JSON.stringify(change) };
}

/** A publisher that sends, then reports a failure: a crash between publishing and deleting. */
export function failingAfterSend(publisher: Publisher): Publisher {
  return {
    ...publisher,
    async publish(batch) {
      await publisher.publish(batch);
      throw new Error('lost the acknowledgement');
    },
  };
}
