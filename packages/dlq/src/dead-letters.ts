import type { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';

/** A message a consumer set aside, with where it came from and why. */
export interface DeadLetter {
  partition: number;
  offset: string;
  /** When it was set aside. */
  at: Date;
  reason: string;
  original: { topic: string; partition: string; offset: string };
  key: Buffer | null;
  value: Buffer | null;
}

type Headers = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

const header = (headers: Headers | undefined, name: string): string => {
  const v = headers?.[name];
  if (v === undefined) return '';
  return (Array.isArray(v) ? v : [v]).map((x) => x.toString()).join(',');
};

/**
 * Every dead letter the topic holds now, oldest first per partition: read from its start to
 * the end offsets of the moment, by a throwaway reader that commits nothing.
 */
export async function readDeadLetters(
  kafka: Kafka,
  topic: string,
  deadlineMs = 60_000,
): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => void admin.disconnect());
  const pending = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const letters: DeadLetter[] = [];
  if (pending.size === 0) return letters;

  const consumer = kafka.consumer({
    groupId: `tally-dlq-reader-${randomBytes(6).toString('hex')}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${letters.length} dead letters of ${topic}, then timed out`)),
        deadlineMs,
      );
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const high = pending.get(partition);
          if (high === undefined || Number(message.offset) >= high) return;
          const h = message.headers;
          letters.push({
            partition,
            offset: message.offset,
            at: new Date(Number(message.timestamp)),
            reason: header(h, 'dead-letter-reason'),
            original: {
              topic: header(h, 'original-topic'),
              partition: header(h, 'original-partition'),
              offset: header(h, 'original-offset'),
            },
            key: message.key,
            value: message.value,
          });
          if (Number(message.offset) === high - 1) pending.delete(partition);
          if (pending.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** `partition:offset`, the name a dead letter goes by in this tool. */
export const letterId = (l: Pick<DeadLetter, 'partition' | 'offset'>) =>
  `${l.partition}:${l.offset}`;
