import { randomUUID } from 'node:crypto';
import { createMessageBus, type MessageBus, type ReceivedMessage } from '@tally/messaging';
import { createLogger } from '@tally/service-kit';

/**
 * The chaos run's own look at the topics, through Tally's messaging (as bench/scale does):
 * poison put on the usage topic, every usage event counted per usage id, the dead letters.
 */
const busOf = (brokers: string): MessageBus =>
  createMessageBus({
    clientId: 'bench-chaos',
    brokers: [brokers],
    logger: createLogger('bench-chaos', 'silent'),
  });

const envelope = (type: string, version: number, subject: string, data?: unknown) =>
  JSON.stringify({
    id: randomUUID(),
    type,
    version,
    occurredAt: new Date().toISOString(),
    subject,
    ...(data !== undefined && { data }),
  });

/**
 * Messages no consumer can ever process: what a broken or newer producer could put on the
 * usage topic. Settlement must set each aside in the dead-letter topic and go on; the backup
 * connector too (its converter or our RequireUsageEvent transform fails on each, so Connect
 * sets them aside). An event with no `data` once reached the MongoDB sink as a null value and
 * killed its task (README, "Chaos"); it is dead-lettered like the rest since f3629da. Each is
 * unique, so that its dead letter (which carries the original bytes) is known by its value.
 */
export const POISON: Record<string, (subject: string) => string> = {
  'not JSON': () => `{"type":"UsageRecorded", not json ${randomUUID()}`,
  'unknown type': (subject) => envelope('UsageRefunded', 1, subject, 'not an object'),
  'unknown type without data': (subject) => envelope('UsageRefunded', 1, subject),
  'unsupported version': (subject) => envelope('UsageRecorded', 99, subject, 'not an object'),
  'invalid UsageRecorded v1': (subject) => envelope('UsageRecorded', 1, subject, 'not an object'),
};

export interface Placed {
  kind: string;
  topic: string;
  /** The message's value: its dead letter carries the same bytes. */
  value: string;
}

/** Puts one message of each kind on `topic`, keyed by `subject`. */
export async function injectPoison(
  brokers: string,
  topic: string,
  subject: string,
  kinds: Record<string, (subject: string) => string>,
): Promise<Placed[]> {
  const placed = Object.entries(kinds).map(([kind, make]) => ({
    kind,
    topic,
    value: make(subject),
  }));
  const publisher = busOf(brokers).publisher();
  await publisher.connect();
  try {
    await publisher.publish(
      placed.map((p) => ({
        topic,
        key: subject,
        value: p.value,
        headers: { 'bench-chaos': p.kind },
      })),
    );
    return placed;
  } finally {
    await publisher.disconnect();
  }
}

/** Every message `topic` holds now (read to the end offsets of the moment). */
async function readAll(brokers: string, topic: string): Promise<ReceivedMessage[]> {
  const bus = busOf(brokers);
  const admin = bus.admin();
  try {
    if (!(await admin.topics()).includes(topic)) return [];
  } finally {
    await admin.close();
  }
  return bus.readTopicToEnd(topic, 300_000);
}

/** One UsageRecorded event on the topic. */
export interface Copy {
  eventId: string;
  recordedAt: string;
  /** When the broker took it (producer time, ms since the epoch). */
  at: number;
  partition: number;
  offset: string;
}

export interface UsageTopicCount {
  messages: number;
  /** usage id → every UsageRecorded event carrying it. */
  byUsageId: Map<string, Copy[]>;
  /** Messages that are no UsageRecorded with a usage id (the poison, when nothing else). */
  other: Array<{ partition: number; offset: string }>;
}

/** Every UsageRecorded event on the usage topic, counted per usage id. */
export async function countUsageTopic(brokers: string, topic: string): Promise<UsageTopicCount> {
  const byUsageId: UsageTopicCount['byUsageId'] = new Map();
  const other: UsageTopicCount['other'] = [];
  const messages = await readAll(brokers, topic);
  for (const m of messages) {
    let event:
      | { id?: unknown; type?: unknown; data?: { usageId?: unknown; recordedAt?: unknown } }
      | undefined;
    try {
      event = JSON.parse(m.value?.toString() ?? '') as typeof event;
    } catch {
      event = undefined;
    }
    const usageId = event?.type === 'UsageRecorded' ? event.data?.usageId : undefined;
    if (typeof usageId !== 'string') {
      other.push({ partition: m.partition, offset: m.offset });
      continue;
    }
    const copies = byUsageId.get(usageId) ?? [];
    if (copies.length === 0) byUsageId.set(usageId, copies);
    copies.push({
      eventId: String(event?.id),
      recordedAt: String(event?.data?.recordedAt),
      at: Number(m.timestamp),
      partition: m.partition,
      offset: m.offset,
    });
  }
  return { messages: messages.length, byUsageId, other };
}

export interface Letter {
  partition: number;
  offset: string;
  reason: string;
  /** `topic/partition/offset` of the message set aside. */
  original: string;
  /** The original message's value. */
  value: string;
}

/**
 * The dead letters of `topic`: Tally's consumers' (headers original-topic/-partition/-offset,
 * dead-letter-reason) or Kafka Connect's (__connect.errors.*); both keep the original bytes.
 */
export async function readLetters(brokers: string, topic: string): Promise<Letter[]> {
  const h = (m: ReceivedMessage, ...names: string[]) =>
    names.map((n) => m.headers[n]).find((v) => v !== undefined) ?? '';
  return (await readAll(brokers, topic)).map((m) => ({
    partition: m.partition,
    offset: m.offset,
    reason: h(m, 'dead-letter-reason', '__connect.errors.exception.message').slice(0, 200),
    original: [
      h(m, 'original-topic', '__connect.errors.topic'),
      h(m, 'original-partition', '__connect.errors.partition'),
      h(m, 'original-offset', '__connect.errors.offset'),
    ].join('/'),
    value: m.value?.toString() ?? '',
  }));
}

/** How far `groupId` is behind the end of `topic` (messages not yet committed). */
export async function groupLag(brokers: string, groupId: string, topic: string): Promise<number> {
  const admin = busOf(brokers).admin();
  try {
    const [ranges, committed] = await Promise.all([
      admin.partitionRanges(topic),
      admin.committedOffsets(groupId, topic),
    ]);
    let lag = 0;
    for (const r of ranges) {
      const at = Number(committed.find((c) => c.partition === r.partition)?.offset ?? -1);
      lag += Math.max(0, Number(r.high) - Math.max(at, Number(r.low)));
    }
    return lag;
  } finally {
    await admin.close();
  }
}
