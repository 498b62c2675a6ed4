import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';

const kafka = () =>
  new Kafka({ brokers: process.env.KAFKA_BROKERS!.split(','), logLevel: logLevel.NOTHING });

/**
 * Every message a topic holds now, read from its start up to its end offsets: how a test
 * counts what was published, rather than trusting an idempotent consumer to hide repeats.
 */
export async function topicMessages(topic: string, deadlineMs = 60_000): Promise<string[]> {
  const admin = kafka().admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const remaining = new Map(ends.map((p) => [p.partition, Number(p.high)]));
  const values: string[] = [];
  const done = () => [...remaining.values()].every((high) => high <= 0);
  if (done()) return values;

  const consumer = kafka().consumer({
    groupId: `e2e-reader-${randomBytes(4).toString('hex')}`,
    maxWaitTimeInMs: 200,
  });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${values.length} messages of ${topic} before the deadline`)),
        deadlineMs,
      );
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const high = remaining.get(partition) ?? 0;
          if (Number(message.offset) >= high) return;
          values.push(message.value?.toString() ?? '');
          if (Number(message.offset) === high - 1) remaining.set(partition, 0);
          if (done()) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}

/**
 * Resolves once `groupId` has committed every message `topic` holds at call time: all that
 * was published by then has been applied (consumers commit only after storing the effect).
 */
export async function consumedAll(groupId: string, topic: string, deadlineMs = 60_000) {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const behind = ends.filter((end) => {
        const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset;
        return Number(end.high) > 0 && Number(at ?? -1) < Number(end.high);
      });
      if (behind.length === 0) return;
      if (Date.now() > deadline)
        throw new Error(
          `${groupId} still behind on ${topic} partitions ${behind.map((b) => b.partition).join(',')}`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await admin.disconnect();
  }
}
