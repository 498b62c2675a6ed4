import { createKafka, createLogger, ensureTopics } from '@tally/service-kit';
import { topicsSchema, type Topics } from '@tally/events';
import { kafkaBrokers, mongoUrlFor, uniqueName } from '@tally/testkit';
import type { Kafka } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';

export const logger = createLogger('settlement-int-test', 'silent');

/** A database of its own, dropped on close. */
export async function openDb(prefix: string): Promise<{ db: Connection; close(): Promise<void> }> {
  const db = await mongoose.createConnection(mongoUrlFor(uniqueName(prefix))).asPromise();
  return {
    db,
    async close() {
      await db.dropDatabase();
      await db.close();
    },
  };
}

/** A Kafka client and topics of this test's own. */
export async function openKafka(
  prefix: string,
): Promise<{ kafka: Kafka; topics: Topics; groupPrefix: string }> {
  const tag = uniqueName(prefix);
  const kafka = createKafka({ clientId: tag, brokers: kafkaBrokers(), logger });
  const topics = topicsSchema.parse({
    users: `${tag}.user.events.v1`,
    usage: `${tag}.usage.events.v1`,
    deadLetter: `${tag}.dead-letter.v1`,
  });
  await ensureTopics(kafka, Object.values(topics), 2);
  return { kafka, topics, groupPrefix: tag };
}

/** Polls `probe` until it returns something other than undefined, or fails after `ms`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: Error | undefined;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      last = err instanceof Error ? err : new Error(String(err));
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
