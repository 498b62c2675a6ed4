import { createEvent, toKafkaMessage, type Topics } from '@tally/events';
import type { OutboxMessage } from '@tally/service-kit';
import type { UsageRecordDoc } from '../store/usage-record-model';

export function usageRecorded(topics: Topics, r: UsageRecordDoc): OutboxMessage {
  const event = createEvent('UsageRecorded', r.userId, {
    usageId: r._id,
    userId: r.userId,
    type: r.type,
    amount: r.amount,
    occurredAt: r.occurredAt.toISOString(),
    recordedAt: r.recordedAt.toISOString(),
  });
  return { topic: topics.usage, ...toKafkaMessage(event) };
}
