import { DEFAULT_TOPICS } from '@tally/events';

export interface DlqSettings {
  brokers: string[];
  deadLetterTopic: string;
  ssl: boolean;
  sasl: {
    mechanism?: 'plain' | 'scram-sha-256' | 'scram-sha-512';
    username?: string;
    password?: string;
  };
}

const MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

export function dlqSettings(env: NodeJS.ProcessEnv = process.env): DlqSettings {
  return {
    brokers: (env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092').split(',').map((b) => b.trim()),
    deadLetterTopic: env.TOPIC_DEAD_LETTER?.trim() || DEFAULT_TOPICS.deadLetter,
    ssl: env.KAFKA_SSL?.trim() === 'true',
    sasl: {
      mechanism: mechanismOf(env.KAFKA_SASL_MECHANISM?.trim() ?? ''),
      username: env.KAFKA_SASL_USERNAME,
      password: env.KAFKA_SASL_PASSWORD,
    },
  };
}

function mechanismOf(value: string): DlqSettings['sasl']['mechanism'] {
  if (value === '') return undefined;
  const found = MECHANISMS.find((m) => m === value);
  if (!found) throw new Error(`KAFKA_SASL_MECHANISM must be one of ${MECHANISMS.join(', ')}`);
  return found;
}
