import type { Model } from 'mongoose';
import type { ClosedPeriodStore } from '../domain/ports';
import type { ClosedPeriodDoc } from './closed-period-model';

/**
 * Closed periods by `_id`. A closed period never reopens, so each one seen closed is kept in
 * memory and never asked for again; an open one is asked for each time (one `_id $in`).
 */
export function makeClosedPeriodStore(docs: Model<ClosedPeriodDoc>): ClosedPeriodStore {
  const seen = new Set<string>();
  return {
    async remember(closed) {
      if (closed.length === 0) return;
      // Redelivered or replayed events change nothing: the first record of a period stays.
      await docs.bulkWrite(
        closed.map((c) => ({
          updateOne: {
            filter: { _id: c.period },
            update: {
              $setOnInsert: { cutoff: c.cutoff, closedAt: c.closedAt, invoices: c.invoices },
            },
            upsert: true,
          },
        })),
        { ordered: false },
      );
      for (const c of closed) seen.add(c.period);
    },
    async closedAmong(periods) {
      const unseen = [...new Set(periods)].filter((p) => !seen.has(p));
      if (unseen.length > 0) {
        const found = await docs
          .find({ _id: { $in: unseen } }, { _id: 1 })
          .lean<Array<Pick<ClosedPeriodDoc, '_id'>>>();
        for (const d of found) seen.add(d._id);
      }
      return new Set(periods.filter((p) => seen.has(p)));
    },
  };
}
