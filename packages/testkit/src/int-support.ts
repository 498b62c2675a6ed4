import { createMessageBus, type MessageBus } from '@tally/messaging';
import { createLogger, createOutbox, type Outbox, type OutboxRedo } from '@tally/service-kit';
import { errorMessage, WaitTimedOut, waitUntil } from '@tally/retry';
import mongoose, { type Connection } from 'mongoose';
import { kafkaBrokers, mongoUrlFor } from './infra-env';
import { uniqueName } from './unique-name';

/** Integration tests log nothing: their assertions say what happened. */
export const silentLogger = createLogger('int-test', 'silent');

export interface SentCommand {
  name: string;
  collection: unknown;
  filter?: Record<string, unknown>;
}

/** A database of its own, dropped on close. `commands` lists what the driver sent to it. */
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

/** A message bus on the test run's brokers that logs nothing. */
export function testBus(clientId: string): MessageBus {
  return createMessageBus({ clientId, brokers: kafkaBrokers(), logger: silentLogger });
}

/** A topic of its own; one partition keeps what arrives in the order it was sent. */
export async function newTopic(bus: MessageBus, prefix: string, partitions = 1): Promise<string> {
  const topic = uniqueName(prefix);
  await bus.ensureTopics([topic], partitions);
  return topic;
}

/** An outbox that sweeps only when flushed; `graceMs` 0 finishes any intent at once. */
export function testOutbox(
  db: Connection,
  bus: MessageBus,
  redo: Record<string, OutboxRedo<never>> = {},
  graceMs = 0,
): Outbox {
  return createOutbox({
    db,
    publisher: bus.publisher(),
    logger: silentLogger,
    redo,
    graceMs,
    sweepMs: 3_600_000,
  });
}

/** Polls `probe` until it returns something other than undefined, or fails after `ms`. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  ms = 30_000,
): Promise<T> {
  try {
    return await waitUntil(probe, { deadlineMs: ms, intervalMs: 100 });
  } catch (err) {
    if (!(err instanceof WaitTimedOut)) throw err;
    const last = err.cause === undefined ? '' : `: ${errorMessage(err.cause)}`;
    throw new Error(`timed out waiting for ${what}${last}`);
  }
}
