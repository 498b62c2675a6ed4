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

export const logger = createLogger('usage-int-test', 'silent');
export const TIME_ZONE = 'Asia/Seoul';

export interface SentCommand {
  name: string;
  collection: unknown;
  filter?: Record<string, unknown>;
}

/** A database of its own, dropped on close. `commands` lists the reads and writes sent to it. */
export async function openDb(prefix: string) {
  const name = uniqueName(prefix);
  const db = await mongoose
    .createConnection(mongoUrlFor(name), { monitorCommands: true })
    .asPromise();
  const commands: SentCommand[] = [];
  db.getClient().on('commandStarted', (e) => {
    if (e.databaseName !== name) return;
    const c = e.command as Record<string, unknown>;
    commands.push({
      name: e.commandName,
      collection: c[e.commandName],
      filter: c.filter as Record<string, unknown> | undefined,
    });
  });
  return {
    db,
    name,
    commands,
    async close() {
      await db.dropDatabase();
      await db.close();
    },
  };
}

export function testKafka(): Kafka {
  return createKafka({ clientId: 'usage-int-test', brokers: kafkaBrokers(), logger });
}

/** A topic of its own. */
export async function newTopic(kafka: Kafka, prefix: string): Promise<string> {
  const topic = uniqueName(prefix);
  await ensureTopics(kafka, [topic], 2);
  return topic;
}

/** An outbox that sweeps only when flushed; `graceMs` 0 finishes any intent at once. */
export function testOutbox(
  db: Connection,
  kafka: Kafka,
  redo: Record<string, OutboxRedo<never>>,
  graceMs = 0,
): Outbox {
  return createOutbox({
    db,
    producer: createProducer(kafka),
    logger,
    redo,
    graceMs,
    sweepMs: 3_600_000,
  });
}
