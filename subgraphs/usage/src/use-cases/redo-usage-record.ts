import type { OutboxRedo } from '@tally/service-kit';
import type { UsageDays, UsageRecords } from '../domain/ports';
import type { UsageRecord } from '../domain/usage-record';

/**
 * Finishes a `usage-record` intent a crash left behind: inserts the record (a duplicate is
 * ours only when it carries this intent's id) and, when ours, writes its day bucket again.
 * Every step is idempotent, so it may run any number of times.
 */
export function makeRedoUsageRecord(deps: {
  records: UsageRecords;
  days: UsageDays;
}): OutboxRedo<UsageRecord> {
  return async (change, intentId) => {
    // The change came back from the outbox collection: make sure its instants are Dates.
    const record: UsageRecord = {
      ...change,
      occurredAt: new Date(change.occurredAt),
      recordedAt: new Date(change.recordedAt),
    };
    const raced = await deps.records.insertNew([{ record, outboxId: intentId }]);
    const stored = raced.get(record.id);
    if (stored && stored.outboxId !== intentId) return false;
    await deps.days.write([stored ?? record]);
    return true;
  };
}
