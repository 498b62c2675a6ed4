import { Kafka, logLevel, type LogEntry, type SASLOptions } from 'kafkajs';
import type { BusSettings } from '../settings';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

function saslOf(sasl: BusSettings['sasl']): SASLOptions | undefined {
  if (!sasl?.mechanism) return undefined;
  if (!sasl.username || !sasl.password)
    throw new Error(`kafka.sasl: ${sasl.mechanism} needs kafka.sasl.username and .password`);
  return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password };
}

/** A kafkajs client (TLS and SASL when configured) that logs through pino, one line per event. */
export function kafkaClient(settings: BusSettings): Kafka {
  const log = settings.logger.child({ component: 'kafka' });
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl ?? false,
    sasl: saslOf(settings.sasl),
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
