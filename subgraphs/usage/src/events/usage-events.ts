import { createEvent, toKafkaMessage, type Topics } from '@tally/events';
import type { OutboxMessage } from '@tally/service-kit';
import type { UsageRecord } from '../domain/usage-record';

export function usageRecorded(topics: Topics, r: UsageRecord): OutboxMessage {
  const event = createEvent('UsageRecorded', r.userId, {
    usageId: r.id,
    userId: r.userId,
    type: r.type,
    amount: r.amount,
    occurredAt: r.occurredAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
  });
  return { topic: topics.usage, ...toKafkaMessage(event) };
}
