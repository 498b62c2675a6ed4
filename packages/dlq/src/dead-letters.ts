import type { MessageBus } from '@tally/messaging';

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

/** Every dead letter the topic holds now, oldest first per partition. */
export async function readDeadLetters(bus: MessageBus, topic: string): Promise<DeadLetter[]> {
  return (await bus.readTopicToEnd(topic)).map((m) => ({
    partition: m.partition,
    offset: m.offset,
    at: new Date(Number(m.timestamp)),
    reason: m.headers['dead-letter-reason'] ?? '',
    original: {
      topic: m.headers['original-topic'] ?? '',
      partition: m.headers['original-partition'] ?? '',
      offset: m.headers['original-offset'] ?? '',
    },
    key: m.key,
    value: m.value,
  }));
}

/** `partition:offset`, the name a dead letter goes by in this tool. */
export const letterId = (l: Pick<DeadLetter, 'partition' | 'offset'>) =>
  `${l.partition}:${l.offset}`;
