import { uniqueName } from '@tally/testkit';
import type { Kafka } from 'kafkajs';

export interface TopicEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/**
 * Every event on the topic up to its end at the time of the call: what was published so far,
 * exactly (so a test can count duplicates, not only wait for arrivals).
 */
export async function eventsOnTopic(kafka: Kafka, topic: string): Promise<TopicEvent[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const ends = new Map(
    offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]),
  );
  if (ends.size === 0) return [];
  const events: TopicEvent[] = [];
  const consumer = kafka.consumer({ groupId: uniqueName('usage-int-reader') });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${topic} not read to its end`)), 30_000);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const end = ends.get(partition);
          if (end === undefined || Number(message.offset) >= end) return;
          events.push(JSON.parse(String(message.value)) as TopicEvent);
          if (Number(message.offset) + 1 >= end) ends.delete(partition);
          if (ends.size === 0) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return events;
}

/** How many events carry each usage id. */
export function countByUsageId(events: TopicEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const id = String(e.data.usageId);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
