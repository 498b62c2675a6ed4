import type { IHeaders, Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';

export interface TopicMessage {
  partition: number;
  offset: string;
  /** When the broker took it (ms since the epoch, as a string, as Kafka gives it). */
  timestamp: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders | undefined;
}

/**
 * Every message a topic holds now, ordered by partition and offset: read from its start to
 * the end offsets of the moment by a throwaway reader that commits nothing. For operators'
 * tools and tests that count what was published (not for services: a consumer group is).
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  deadlineMs = 60_000,
): Promise<TopicMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => void admin.disconnect());
  const pending = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const messages: TopicMessage[] = [];
  if (pending.size === 0) return messages;

  const consumer = kafka.consumer({
    groupId: `tally-topic-reader-${randomBytes(6).toString('hex')}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} messages of ${topic}, then timed out`)),
        deadlineMs,
      );
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const high = pending.get(partition);
          if (high === undefined || Number(message.offset) >= high) return;
          const { offset, timestamp, key, value, headers } = message;
          messages.push({ partition, offset, timestamp, key, value, headers });
          if (Number(offset) >= high - 1) pending.delete(partition);
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
  return messages.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}
