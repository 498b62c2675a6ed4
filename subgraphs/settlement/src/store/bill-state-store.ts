import type { mongo } from 'mongoose';
import type { Applied, DayUsage, UserSubscription } from '../domain/facts';
import type { BillStateStore, UserDay, UserMarks, UserState } from '../domain/ports';
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
    async write({ usages, subscriptions, marks }) {
      // Usage first: a mark seen by a close means the usage it counts is stored.
      await upsertAll(usageUpserts(usages), (ops) => c.usageDays.bulkWrite(ops, UNORDERED));
      await upsertAll(userUpserts(subscriptions, marks), (ops) =>
        c.userPlans.bulkWrite(ops, UNORDERED),
      );
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
          recordedAt: item.r ?? item.at,
        })),
      );
    },

    async usersOf(userIds: string[]) {
      if (userIds.length === 0) return [];
      const docs = await c.userPlans.find({ _id: { $in: userIds } }).toArray();
      return docs.map(toUserState);
    },

    async *allUsers() {
      // A close's walk over every user: a scan, once per period, never on a request's path.
      for await (const doc of c.userPlans.find({}).batchSize(1000)) yield toUserState(doc);
    },

    async markAccounted(entries) {
      const ops = entries
        .filter((e) => Object.keys(e.accounted).length > 0)
        .map((e) => ({
          updateOne: {
            filter: { _id: e.userId },
            update: {
              $max: Object.fromEntries(
                Object.entries(e.accounted).map(([p, n]) => [`accounted.${p}`, n]),
              ),
            },
          },
        }));
      if (ops.length > 0) await c.userPlans.bulkWrite(ops, UNORDERED);
    },
  };
}

function toUserState(doc: UserPlansDoc): UserState {
  return {
    userId: doc._id,
    subscriptions: Object.entries(doc.subs ?? {}).map(([key, s]) => ({
      userId: doc._id,
      subscriptionId: unescapeKey(key),
      effectiveAt: s.effectiveAt,
      plan: s.plan,
      appliedAt: s.at,
    })),
    usagePeriods: Object.keys(doc.usage ?? {}),
    changes: doc.changes ?? {},
    accounted: doc.accounted ?? {},
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
    bucket.set[`${path}.r`] = u.recordedAt;
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

/** One upsert per user: its new subscriptions and marks. */
function userUpserts(
  subscriptions: Array<UserSubscription & Applied>,
  marks: UserMarks[],
): mongo.AnyBulkWriteOperation<UserPlansDoc>[] {
  const byUser = new Map<string, { set: Fields; min: Fields; inc: Fields }>();
  const docOf = (userId: string) => {
    let doc = byUser.get(userId);
    if (!doc) byUser.set(userId, (doc = { set: {}, min: {}, inc: {} }));
    return doc;
  };
  for (const s of subscriptions) {
    const doc = docOf(s.userId);
    const path = `subs.${escapeKey(s.subscriptionId)}`;
    doc.set[`${path}.effectiveAt`] = s.effectiveAt;
    doc.set[`${path}.plan`] = s.plan;
    keepEarliest(doc.min, `${path}.at`, s.appliedAt);
  }
  for (const m of marks) {
    const doc = docOf(m.userId);
    for (const p of m.usagePeriods) doc.set[`usage.${p}`] = true;
    for (const p of m.changedAfterEnd) doc.inc[`changes.${p}`] = 1;
  }
  return [...byUser].map(([_id, d]) => ({
    updateOne: {
      filter: { _id },
      update: {
        ...(nonEmpty(d.set) && { $set: d.set }),
        ...(nonEmpty(d.min) && { $min: d.min }),
        ...(nonEmpty(d.inc) && { $inc: d.inc }),
      } as mongo.UpdateFilter<UserPlansDoc>,
      upsert: true,
    },
  }));
}

const nonEmpty = (fields: Fields) => Object.keys(fields).length > 0;

type Fields = Record<string, unknown>;

const UNORDERED = { ordered: false } as const;

function keepEarliest(fields: Fields, path: string, at: Date) {
  const seen = fields[path];
  if (!(seen instanceof Date) || at < seen) fields[path] = at;
}
