import { DEFAULT_TOPICS } from '@tally/events';

export interface DlqSettings {
  brokers: string[];
  deadLetterTopic: string;
}

export function dlqSettings(env: NodeJS.ProcessEnv = process.env): DlqSettings {
  return {
    brokers: (env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092').split(',').map((b) => b.trim()),
    deadLetterTopic: env.TOPIC_DEAD_LETTER?.trim() || DEFAULT_TOPICS.deadLetter,
  };
}
