import { dayOf } from '@tally/billing-time';
import { escapeKey } from '@tally/service-kit';
import type { UsageType } from '@tally/events';

// The usage read model's stored shape, shared by the usage subgraph and `backup:restore`
// (exported as `@tally/usage-subgraph/day-buckets`): keep this module free of the subgraph's
// other modules, so the backup loads nothing else of it.

/** One record in its day's bucket: type, amount, occurredAt, recordedAt. */
export interface UsageDayItem {
  t: UsageType;
  a: number;
  o: Date;
  r: Date;
}

/** A user's records of one day in the billing time zone, by escaped record id. */
export interface UsageDayDoc {
  /** `<userId>|<YYYY-MM-DD>`. */
  _id: string;
  userId: string;
  day: string;
  items: Record<string, UsageDayItem>;
}

export interface DayBucketRecord {
  id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
}

export const USAGE_DAYS_COLLECTION = 'usage_days';

export { dayOf };

/** Unambiguous although user ids are free text: the day is always the last 10 characters. */
export function usageDayId(userId: string, day: string): string {
  return `${userId}|${day}`;
}

export interface DayBucketUpdate {
  updateOne: {
    filter: { _id: string };
    update: {
      $set: Record<string, UsageDayItem>;
      $setOnInsert: { userId: string; day: string };
    };
    upsert: true;
  };
}

/**
 * One update per bucket touched. Each `$set`s `items.<id>` to a value fixed by the record, so
 * applying it again (a retry, a redo, a restore) changes nothing.
 */
export function dayBucketUpdates(
  records: readonly DayBucketRecord[],
  timeZone: string,
): DayBucketUpdate[] {
  const byBucket = new Map<string, DayBucketUpdate>();
  for (const r of records) {
    const day = dayOf(r.occurredAt, timeZone);
    const _id = usageDayId(r.userId, day);
    let op = byBucket.get(_id);
    if (!op) {
      op = {
        updateOne: {
          filter: { _id },
          update: { $set: {}, $setOnInsert: { userId: r.userId, day } },
          upsert: true,
        },
      };
      byBucket.set(_id, op);
    }
    op.updateOne.update.$set[`items.${escapeKey(r.id)}`] = {
      t: r.type,
      a: r.amount,
      o: r.occurredAt,
      r: r.recordedAt,
    };
  }
  return [...byBucket.values()];
}

/** What writing buckets needs of a collection (the driver's, or a mongoose model's). */
export interface BucketCollection {
  bulkWrite(ops: DayBucketUpdate[], options: { ordered: false }): Promise<unknown>;
}

/** Writes the records into their day buckets: one unordered bulk write. */
export async function writeDayBuckets(
  collection: BucketCollection,
  records: readonly DayBucketRecord[],
  timeZone: string,
): Promise<void> {
  if (records.length === 0) return;
  await collection.bulkWrite(dayBucketUpdates(records, timeZone), { ordered: false });
}
