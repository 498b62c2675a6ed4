import { WaitTimedOut, waitUntil } from '@tally/retry';
import type { Admin, Kafka } from 'kafkajs';

/**
 * Events are the system's history (settlement is rebuilt from them), so topics keep them for
 * good; production brokers pair this with tiered storage.
 */
const KEEP_FOREVER = [{ name: 'retention.ms', value: '-1' }];

/**
 * Creates the topics that do not exist yet, keeping their events for good (existing ones are
 * left as they are), so a consumer never subscribes to, and an outbox never produces to, a
 * topic that is not there.
 */
export async function ensureTopics(
  kafka: Kafka,
  topics: string[],
  partitions: number,
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: missing.map((topic) => ({
            topic,
            numPartitions: partitions,
            configEntries: KEEP_FOREVER,
          })),
        })
        .catch(async (err: unknown) => {
          // Another service may have created them at the same moment: fine, as long as they exist now.
          const now = new Set(await admin.listTopics());
          if (!missing.every((t) => now.has(t))) throw err;
        });
    }
    await leadersElected(admin, [...new Set(topics)]);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A topic another service has just created is listed before its partitions have leaders;
 * a consumer that fetches then fails ("does not host this topic-partition"). Wait for them.
 */
async function leadersElected(admin: Admin, topics: string[], deadlineMs = 30_000) {
  const ready = async () => {
    const meta = await admin.fetchTopicMetadata({ topics }).catch(() => null);
    return meta?.topics.every(
      (t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0),
    );
  };
  await waitUntil(ready, { deadlineMs, intervalMs: 50, factor: 2, maxDelayMs: 1000 }).catch(
    (err: unknown) => {
      if (!(err instanceof WaitTimedOut)) throw err;
      throw new Error(
        `topics ${topics.join(', ')} have no partition leaders after ${deadlineMs} ms`,
      );
    },
  );
}
