import { daysOfPeriod } from '@tally/billing-time';
import { unescapeKey } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UsageDays } from '../domain/ports';
import { addUsage, NO_USAGE, pageRowsOfDay } from '../domain/usage-order';
import type { UsageRecord } from '../domain/usage-record';
import { dayOf, usageDayId, writeDayBuckets, type UsageDayDoc } from './day-buckets';

/** Buckets read per round trip while paging: small first (most pages end in a day or two). */
const FIRST_CHUNK = 4;
const MAX_CHUNK = 16;

/** The days of a period, `YYYY-MM-DD`, last first. */
export function daysNewestFirst(period: string): string[] {
  return daysOfPeriod(period).reverse();
}

export const recordsOfDay = (doc: UsageDayDoc): UsageRecord[] =>
  Object.entries(doc.items).map(([key, item]) => ({
    id: unescapeKey(key),
    userId: doc.userId,
    type: item.t,
    amount: item.a,
    occurredAt: item.o,
    recordedAt: item.r,
  }));

/** The per-(user, day) read model: every read is a handful of buckets by `_id $in`. */
export function makeUsageDays(days: Model<UsageDayDoc>, timeZone: string): UsageDays {
  // Writes go straight through the driver, as backup:restore and the migration write them.
  const buckets = days.db.collection<UsageDayDoc>(days.collection.collectionName);
  const load = async (ids: string[]) => {
    const docs = await days
      .find({ _id: { $in: ids } })
      .lean<UsageDayDoc[]>()
      .exec();
    return new Map(docs.map((d) => [d._id, d]));
  };
  return {
    write: (records) => writeDayBuckets(buckets, records, timeZone),

    async newestFirst(userId, period, { type, limit, after }) {
      let remaining = daysNewestFirst(period);
      if (after) {
        const lastDay = dayOf(new Date(after.occurredAtMs), timeZone);
        remaining = remaining.filter((day) => day <= lastDay);
      }
      const rows: UsageRecord[] = [];
      let chunk = FIRST_CHUNK;
      while (remaining.length > 0 && rows.length < limit) {
        const ids = remaining.slice(0, chunk).map((day) => usageDayId(userId, day));
        remaining = remaining.slice(chunk);
        chunk = Math.min(chunk * 2, MAX_CHUNK);
        const loaded = await load(ids);
        for (const id of ids) {
          const doc = loaded.get(id);
          if (doc) rows.push(...pageRowsOfDay(recordsOfDay(doc), type, after ?? null));
        }
      }
      return rows.slice(0, limit);
    },

    async summary(userId, period) {
      const loaded = await load(daysNewestFirst(period).map((day) => usageDayId(userId, day)));
      let totals = NO_USAGE;
      for (const doc of loaded.values())
        for (const item of Object.values(doc.items))
          totals = addUsage(totals, { type: item.t, amount: item.a });
      return totals;
    },
  };
}
