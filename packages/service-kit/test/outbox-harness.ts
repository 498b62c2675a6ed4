import { kafkaBrokers, mongoUrlFor, uniqueName } from '@tally/testkit';
import { waitUntil } from '@tally/retry';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import mongoose from 'mongoose';
import pino, { type Logger } from 'pino';
import { createKafka, createProducer } from '../src/data/kafka';
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
  const kafka = createKafka({ clientId: 'outbox-test', brokers: kafkaBrokers(), logger });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const db = await mongoose.createConnection(mongoUrlFor(uniqueName('outbox'))).asPromise();
  const state = db.collection<StateDoc>('state');
  const received = await consumeAll(kafka, topic);
  const sentinels = createProducer(kafka);
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
    kafka,
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
        producer: createProducer(kafka),
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
      await sentinels.send({ topic, acks: -1, messages: [{ key: 'sentinel', value: sentinel }] });
      await waitUntil(() => received.values.includes(sentinel), {
        deadlineMs: 30_000,
        intervalMs: 50,
      });
      return received.values
        .filter((v) => !v.startsWith('sentinel-'))
        .map((v) => JSON.parse(v) as Put);
    },
    async close(): Promise<void> {
      await Promise.all(outboxes.map((o) => o.stop().catch(() => undefined)));
      await received.consumer.disconnect();
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

/** A producer that sends, then reports a failure: a crash between publishing and deleting. */
export function failingAfterSend(producer: Producer): Producer {
  return new Proxy(producer, {
    get(target, prop, receiver) {
      if (prop !== 'sendBatch') return Reflect.get(target, prop, receiver);
      return async (batch: Parameters<Producer['sendBatch']>[0]) => {
        await target.sendBatch(batch);
        throw new Error('lost the acknowledgement');
      };
    },
  });
}

async function consumeAll(kafka: Kafka, topic: string) {
  const values: string[] = [];
  // Short fetch waits: the test's disconnect does not sit out a long poll.
  const consumer: Consumer = kafka.consumer({
    groupId: uniqueName('outbox-count'),
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.run({
    eachMessage: async ({ message }) => {
      values.push(String(message.value));
    },
  });
  await waitUntil(() => joined, { deadlineMs: 30_000, intervalMs: 50 });
  return { consumer, values };
}
