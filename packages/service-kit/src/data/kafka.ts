import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** A kafkajs client that logs through pino, one line per event. */
export function createKafka(opts: { clientId: string; brokers: string[]; logger: Logger }): Kafka {
  const log = opts.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: opts.clientId,
    brokers: opts.brokers,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => {
      const { message, ...rest } = entry.log;
      log[LEVELS[entry.level] ?? 'info']({ namespace: entry.namespace, ...rest }, message);
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
