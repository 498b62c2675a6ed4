import type { IHeaders, KafkaMessage } from 'kafkajs';
import type { ReceivedMessage } from '../messages';

/** Headers as text; one sent more than once reads as its values joined by commas. */
export function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined) continue;
    text[name] = (Array.isArray(value) ? value : [value]).map((v) => v.toString()).join(',');
  }
  return text;
}

export function receivedOf(topic: string, partition: number, m: KafkaMessage): ReceivedMessage {
  return {
    topic,
    partition,
    offset: m.offset,
    timestamp: m.timestamp,
    key: m.key,
    value: m.value,
    headers: headersOf(m.headers),
  };
}
