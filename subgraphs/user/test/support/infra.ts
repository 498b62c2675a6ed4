import {
  createKafka,
  createLogger,
  createOutbox,
  createProducer,
  ensureTopics,
  type Outbox,
  type OutboxRedo,
} from '@tally/service-kit';
import { kafkaBrokers, mongoUrlFor, uniqueName } from '@tally/testkit';
import type { Kafka } from 'kafkajs';
import mongoose, { type Connection } from 'mongoose';

export const logger = createLogger('user-int-test', 'silent');

/** A database of its own, dropped on close. `commands` counts what the driver sends. */
export async function openDb(prefix: string) {
  const db = await mongoose
    .createConnection(mongoUrlFor(uniqueName(prefix)), { monitorCommands: true })
    .asPromise();
  const commands: string[] = [];
  db.getClient().on('commandStarted', (e) => {
    if (e.databaseName === db.name) commands.push(e.commandName);
  });
  return {
    db,
    commands,
    async close() {
      await db.dropDatabase();
      await db.close();
    },
  };
}

export function testKafka(): Kafka {
  return createKafka({ clientId: 'user-int-test', brokers: kafkaBrokers(), logger });
}

/** A topic of one partition, so the order of what arrives is the order it was sent. */
export async function newTopic(kafka: Kafka, prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  await ensureTopics(kafka, [topic], 1);
  return topic;
}

/** An outbox that sweeps only when flushed, and finishes any intent at once (no grace). */
export function testOutbox(
  db: Connection,
  kafka: Kafka,
  redo: Record<string, OutboxRedo> = {},
): Outbox {
  return createOutbox({
    db,
    producer: createProducer(kafka),
    logger,
    redo,
    graceMs: 0,
    sweepMs: 3_600_000,
  });
}
