import type { TallyEvent } from './envelope';

export interface EventMessage {
  key: string;
  value: string;
  headers: { 'event-type': string; 'event-id': string };
}

/** An event as a Kafka message, keyed by subject so one subject's events keep their order. */
export function toKafkaMessage(event: TallyEvent): EventMessage {
  return {
    key: event.subject,
    value: JSON.stringify(event),
    headers: { 'event-type': event.type, 'event-id': event.id },
  };
}

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
}

export interface DeadLetterMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/**
 * A message set aside: the original key and bytes untouched (so it can be replayed as is),
 * where it came from and why in headers.
 */
export function deadLetterMessage(original: ConsumedMessage, reason: string): DeadLetterMessage {
  return {
    key: original.key,
    value: original.value,
    headers: {
      'dead-letter-reason': reason,
      'original-topic': original.topic,
      'original-partition': String(original.partition),
      'original-offset': original.offset,
    },
  };
}
