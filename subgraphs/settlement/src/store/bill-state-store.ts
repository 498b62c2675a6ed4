import type { mongo } from 'mongoose';
import type { Applied, DayUsage, UserSubscription } from '../domain/facts';
import type { BillStateStore, UserDay } from '../domain/ports';
import type { SettlementCollections } from './collections';
import { escapeKey, unescapeKey } from '@tally/service-kit';
import { upsertAll } from './upsert-all';
import { usageDayId, type UsageDayDoc } from './usage-day-doc';
import type { UserPlansDoc } from './user-plans-doc';

/**
 * The running bills: one document per (user, day) holding that day's usage, one per user
 * holding the subscriptions. Each write is one upsert per document whose `$set`s are fixed by
 * the facts and whose `$min` keeps the first time each was applied: writing a fact again,
 * in any order, changes nothing. Reads are `_id` lookups with `$in`.
 */
export function createBillStateStore(c: SettlementCollections): BillStateStore {
  return {
    async write({ usages, subscriptions }) {
      await Promise.all([
        upsertAll(usageUpserts(usages), (ops) => c.usageDays.bulkWrite(ops, UNORDERED)),
        upsertAll(planUpserts(subscriptions), (ops) => c.userPlans.bulkWrite(ops, UNORDERED)),
      ]);
    },

    async usageOn(days: UserDay[]) {
      if (days.length === 0) return [];
      const ids = days.map((d) => usageDayId(d.userId, d.day));
      const docs = await c.usageDays.find({ _id: { $in: ids } }).toArray();
      return docs.flatMap((doc) =>
        Object.entries(doc.items).map(([key, item]) => ({
          userId: doc.userId,
          day: doc.day,
          usageId: unescapeKey(key),
          type: item.t,
          amount: item.a,
          appliedAt: item.at,
        })),
      );
    },

    async subscriptionsOf(userIds: string[]) {
      if (userIds.length === 0) return [];
      const docs = await c.userPlans.find({ _id: { $in: userIds } }).toArray();
      return docs.flatMap((doc) =>
        Object.entries(doc.subs).map(([key, s]) => ({
          userId: doc._id,
          subscriptionId: unescapeKey(key),
          effectiveAt: s.effectiveAt,
          plan: s.plan,
          appliedAt: s.at,
        })),
      );
    },
  };
}

/** One upsert per (user, day), however many of the batch's records fall on it. */
function usageUpserts(
  usages: Array<DayUsage & Applied>,
): mongo.AnyBulkWriteOperation<UsageDayDoc>[] {
  const byDay = new Map<string, { userId: string; day: string; set: Fields; min: Fields }>();
  for (const u of usages) {
    const _id = usageDayId(u.userId, u.day);
    let bucket = byDay.get(_id);
    if (!bucket) byDay.set(_id, (bucket = { userId: u.userId, day: u.day, set: {}, min: {} }));
    const path = `items.${escapeKey(u.usageId)}`;
    bucket.set[`${path}.t`] = u.type;
    bucket.set[`${path}.a`] = u.amount;
    keepEarliest(bucket.min, `${path}.at`, u.appliedAt);
  }
  return [...byDay].map(([_id, b]) => ({
    updateOne: {
      filter: { _id },
      update: { $set: b.set, $min: b.min, $setOnInsert: { userId: b.userId, day: b.day } },
      upsert: true,
    },
  }));
}

/** One upsert per user. */
function planUpserts(
  subscriptions: Array<UserSubscription & Applied>,
): mongo.AnyBulkWriteOperation<UserPlansDoc>[] {
  const byUser = new Map<string, { set: Fields; min: Fields }>();
  for (const s of subscriptions) {
    let doc = byUser.get(s.userId);
    if (!doc) byUser.set(s.userId, (doc = { set: {}, min: {} }));
    const path = `subs.${escapeKey(s.subscriptionId)}`;
    doc.set[`${path}.effectiveAt`] = s.effectiveAt;
    doc.set[`${path}.plan`] = s.plan;
    keepEarliest(doc.min, `${path}.at`, s.appliedAt);
  }
  return [...byUser].map(([_id, d]) => ({
    updateOne: { filter: { _id }, update: { $set: d.set, $min: d.min }, upsert: true },
  }));
}

type Fields = Record<string, unknown>;

const UNORDERED = { ordered: false } as const;

function keepEarliest(fields: Fields, path: string, at: Date) {
  const seen = fields[path];
  if (!(seen instanceof Date) || at < seen) fields[path] = at;
}
