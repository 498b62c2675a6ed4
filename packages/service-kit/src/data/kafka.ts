import {
  Kafka,
  Partitioners,
  logLevel,
  type Admin,
  type LogEntry,
  type Producer,
  type SASLOptions,
} from 'kafkajs';
import { WaitTimedOut, waitUntil } from '@tally/retry';
import type { Logger } from 'pino';
import type { KafkaSettings } from '../settings/common-schema';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

interface KafkaSecurity {
  ssl?: boolean;
  sasl?: Partial<KafkaSettings['sasl']>;
}

function saslOf(sasl: KafkaSecurity['sasl']): SASLOptions | undefined {
  if (!sasl?.mechanism) return undefined;
  if (!sasl.username || !sasl.password)
    throw new Error(`kafka.sasl: ${sasl.mechanism} needs kafka.sasl.username and .password`);
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password };
}

/** A kafkajs client (TLS and SASL when configured) that logs through pino, one line per event. */
export function createKafka(
  opts: { clientId: string; brokers: string[]; logger: Logger } & KafkaSecurity,
): Kafka {
  const log = opts.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    ssl: opts.ssl ?? false,
    sasl: saslOf(opts.sasl),
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      // Services starting together race to create the same topics; ensureTopics settles it.
      const level =
        rest.error === 'Topic creation errors' ? 'debug' : (LEVELS[entry.level] ?? 'info');
      log[level]({ namespace: entry.namespace, ...rest }, message);
    },
    retry: { initialRetryTime: 200, retries: 8 },
  });
}

/** For /health/ready: the cluster answers a metadata request. */
export function kafkaHealth(kafka: Kafka) {
  const admin = kafka.admin();
  let connected: Promise<void> | null = null;
  return async (): Promise<void> => {
    connected ??= admin.connect().catch((err: unknown) => {
      connected = null;
      throw err;
    });
    await connected;
    await admin.describeCluster();
  };
}

/** A producer with the murmur2 partitioner, like Java clients: one key, one partition, on every client. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
}

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

/** A worker that makes sure the topics exist before the other workers start. */
export function topicsWorker(kafka: Kafka, topics: string[], partitions: number) {
  return { start: () => ensureTopics(kafka, topics, partitions), stop: async () => {} };
}
