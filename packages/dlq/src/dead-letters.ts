import { readTopicToEnd, type TopicMessage } from '@tally/service-kit';
import type { Kafka } from 'kafkajs';

/** A message a consumer set aside, with where it came from and why. */
export interface DeadLetter {
  partition: number;
  offset: string;
  /** When it was set aside. */
  at: Date;
  reason: string;
  original: { topic: string; partition: string; offset: string };
  key: Buffer | null;
  value: Buffer | null;
}

const header = (m: TopicMessage, name: string): string => {
  const v = m.headers?.[name];
  if (v === undefined) return '';
  return (Array.isArray(v) ? v : [v]).map((x) => x.toString()).join(',');
};

/** Every dead letter the topic holds now, oldest first per partition. */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  return (await readTopicToEnd(kafka, topic)).map((m) => ({
    partition: m.partition,
    offset: m.offset,
    at: new Date(Number(m.timestamp)),
    reason: header(m, 'dead-letter-reason'),
    original: {
      topic: header(m, 'original-topic'),
      partition: header(m, 'original-partition'),
      offset: header(m, 'original-offset'),
    },
    key: m.key,
    value: m.value,
  }));
}

/** `partition:offset`, the name a dead letter goes by in this tool. */
export const letterId = (l: Pick<DeadLetter, 'partition' | 'offset'>) =>
  `${l.partition}:${l.offset}`;
