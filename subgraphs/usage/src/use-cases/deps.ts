import type { Outbox, OutboxMessage } from '@tally/service-kit';
import type { UsageDays, UsageRecords, UserDirectory } from '../domain/ports';
import type { UsageRecord } from '../domain/usage-record';

/** The outbox entry kind of a new usage record; its change is the record. */
export const USAGE_RECORD_KIND = 'usage-record';

export interface UsageDeps {
  records: UsageRecords;
  days: UsageDays;
  users: UserDirectory;
  outbox: Pick<Outbox, 'intend' | 'confirm' | 'cancel'>;
  /** The events a new record owes (UsageRecorded). */
  eventsOf: (record: UsageRecord) => OutboxMessage[];
}
