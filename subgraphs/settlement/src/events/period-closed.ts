import { createHash } from 'node:crypto';
import { createEvent, toKafkaMessage, type Topics } from '@tally/events';
import type { Publisher } from '@tally/messaging';
import type { PeriodRecord } from '../domain/closing/ports';

/**
 * Publishes PeriodClosed for a closed period. The event id is derived from the period, so
 * announcing again after a crash sends the same event, which consumers take once.
 */
export function periodClosedAnnouncer(publisher: Publisher, topics: Topics) {
  return async (record: PeriodRecord): Promise<void> => {
    const event = createEvent(
      'PeriodClosed',
      record.period,
      {
        period: record.period,
        cutoff: record.cutoff.toISOString(),
        closedAt: (record.closedAt ?? new Date()).toISOString(),
        invoices: record.invoices ?? 0,
      },
      {
        id: nameBasedUuid(`PeriodClosed|${record.period}`),
        occurredAt: record.closedAt ?? undefined,
      },
    );
    await publisher.publish([{ topic: topics.settlement, ...toKafkaMessage(event) }]);
  };
}

/** A UUID (version 5 layout) named by `name`: the same name, the same id. */
function nameBasedUuid(name: string): string {
  const b = createHash('sha256').update(name).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
