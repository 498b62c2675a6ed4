import type { Migration } from '@tally/service-kit';
import { USAGE_DAYS, USER_PLANS } from './collections';
import type { UsageDayDoc } from './usage-day-doc';
import type { UserPlansDoc } from './user-plans-doc';

const BATCH = 1000;

/**
 * Layout 2 → 3 (closing periods): every user with stored usage gets the `usage.<period>`
 * marks a close finds its users by (the consumer writes them from now on). Idempotent: a run
 * cut short is run again.
 */
export const migrateToLayout3: Migration = async (db, logger) => {
  const days = db.collection<UsageDayDoc>(USAGE_DAYS);
  const users = db.collection<UserPlansDoc>(USER_PLANS);
  let marks = new Map<string, Set<string>>();
  let seen = 0;
  const flush = async () => {
    if (marks.size === 0) return;
    await users.bulkWrite(
      [...marks].map(([userId, periods]) => ({
        updateOne: {
          filter: { _id: userId },
          update: { $set: Object.fromEntries([...periods].map((p) => [`usage.${p}`, true])) },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    marks = new Map();
  };
  for await (const doc of days.find({}, { projection: { userId: 1, day: 1 } }).batchSize(BATCH)) {
    const periods = marks.get(doc.userId) ?? new Set<string>();
    periods.add(doc.day.slice(0, 7));
    marks.set(doc.userId, periods);
    if (++seen % BATCH === 0) await flush();
    if (seen % (BATCH * 100) === 0) logger.info({ days: seen }, 'marking users’ usage periods');
  }
  await flush();
  logger.info({ days: seen }, 'users’ usage periods marked');
};
