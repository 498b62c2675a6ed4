import { PublishRefused, type Publisher } from '@tally/messaging';
import type { OutboxMessage } from './outbox-types';

/** An intent ready to publish: its id and the events it owes. */
export interface Publishable {
  id: string;
  messages: OutboxMessage[];
}

/**
 * Takes from the front of `queue` a batch of at most `maxIntents` intents and about
 * `maxBytes` of messages (an intent is never split, and a batch holds at least one), so one
 * request stays under the broker's limits however large the events are.
 */
export function takeBatch<T extends Publishable>(
  queue: T[],
  maxIntents: number,
  maxBytes: number,
): T[] {
  let count = 0;
  let bytes = 0;
  for (const item of queue) {
    const size = sizeOf(item.messages);
    if (count > 0 && (count >= maxIntents || bytes + size > maxBytes)) break;
    count += 1;
    bytes += size;
  }
  return queue.splice(0, count);
}

/** All of `items` as batches cut by `takeBatch`, in order. */
export function cutBatches<T extends Publishable>(
  items: T[],
  maxIntents: number,
  maxBytes: number,
): T[][] {
  const rest = [...items];
  const batches: T[][] = [];
  while (rest.length > 0) batches.push(takeBatch(rest, maxIntents, maxBytes));
  return batches;
}

function sizeOf(messages: OutboxMessage[]): number {
  return messages.reduce((n, m) => n + m.key.length + m.value.length + 64, 0);
}

/** One request for all the intents' messages, acknowledged by all replicas. */
export async function sendAll(publisher: Publisher, items: Publishable[]): Promise<void> {
  await publisher.publish(items.flatMap((i) => i.messages));
}

export interface Refused<T> {
  item: T;
  err: unknown;
}

/**
 * Publishes the intents; when the broker refuses a batch for good, halves it until each
 * refusal stands alone, so one bad intent fails alone and the rest go out. A failure that
 * may pass later (the broker is down) is thrown: the caller retries the whole batch.
 * Halving may publish part of a batch twice (a request can land some topics before it
 * fails): delivery is at least once, consumers are idempotent.
 */
export async function publishIsolating<T extends Publishable>(
  publisher: Publisher,
  items: T[],
): Promise<Refused<T>[]> {
  if (items.length === 0) return [];
  try {
    await sendAll(publisher, items);
    return [];
  } catch (err) {
    if (!(err instanceof PublishRefused)) throw err;
    if (items.length === 1) return [{ item: items[0]!, err }];
    const half = Math.ceil(items.length / 2);
    const first = await publishIsolating(publisher, items.slice(0, half));
    const second = await publishIsolating(publisher, items.slice(half));
    return [...first, ...second];
  }
}
