import { randomBytes } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { ReceivedMessage } from '../messages';
import { receivedOf } from './received';

/**
 * Every message a topic holds now, ordered by partition and offset: read from its start to
 * the end offsets of the moment by a throwaway reader that commits nothing.
 */
export async function readTopicToEnd(
  kafka: Kafka,
  topic: string,
  deadlineMs = 60_000,
): Promise<ReceivedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => void admin.disconnect());
  const pending = new Map(
    ends.filter((e) => Number(e.high) > Number(e.low)).map((e) => [e.partition, Number(e.high)]),
  );
  const messages: ReceivedMessage[] = [];
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
          messages.push(receivedOf(topic, partition, message));
          if (Number(message.offset) >= high - 1) pending.delete(partition);
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
