import type { Producer } from 'kafkajs';
import type { OutboxMessage } from './outbox-types';

/** An intent ready to publish: its id and the events it owes. */
export interface Publishable {
  id: string;
  messages: OutboxMessage[];
}

/**
 * Takes from the front of `queue` a batch of at most `maxIntents` intents and about
 * `maxBytes` of messages (an intent is never split, and a batch holds at least one), so one
 * sendBatch stays under the broker's request limits however large the events are.
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

/** One sendBatch for all the intents' messages, grouped by topic, acknowledged by all replicas. */
export async function sendAll(producer: Producer, items: Publishable[]): Promise<void> {
  const messages = items.flatMap((i) => i.messages);
  if (messages.length === 0) return;
  await producer.sendBatch({ topicMessages: groupByTopic(messages), acks: -1 });
}

export function groupByTopic(messages: OutboxMessage[]) {
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

/**
 * The broker refused the request itself (a message too large, an invalid record): sending
 * it again cannot help. Anything else (a broker down, a timeout) may pass next time.
 */
export function isRefusedForGood(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, retriable } = err as { name?: unknown; retriable?: unknown };
  // Not KafkaJSNumberOfRetriesExceeded: that one is a failure that may pass, retried too often.
  return (
    (name === 'KafkaJSProtocolError' && retriable === false) || name === 'KafkaJSNonRetriableError'
  );
}

export interface Refused<T> {
  item: T;
  err: unknown;
}

/**
 * Publishes the intents; when the broker refuses a batch for good, halves it until each
 * refusal stands alone, so one bad intent fails alone and the rest go out. A failure that
 * may pass later (the broker is down) is thrown: the caller retries the whole batch.
 * Halving may publish part of a batch twice (a sendBatch can land some topics before it
 * fails): delivery is at least once, consumers are idempotent.
 */
export async function publishIsolating<T extends Publishable>(
  producer: Producer,
  items: T[],
): Promise<Refused<T>[]> {
  if (items.length === 0) return [];
  try {
    await sendAll(producer, items);
    return [];
  } catch (err) {
    if (!isRefusedForGood(err)) throw err;
    if (items.length === 1) return [{ item: items[0]!, err }];
    const half = Math.ceil(items.length / 2);
    const first = await publishIsolating(producer, items.slice(0, half));
    const second = await publishIsolating(producer, items.slice(half));
    return [...first, ...second];
  }
}
