import { decodeCursor, encodeCursor, toConnection } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UsageRecordDoc, UsageType } from './usage-record-model';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 };

export interface PeriodRange {
  from: Date;
  to: Date;
}

/** Read side of the usage store. A period arrives as its [from, to) instants. */
export function createUsageQueries(records: Model<UsageRecordDoc>) {
  const cursorOf = (r: UsageRecordDoc) => encodeCursor([r.occurredAt.getTime(), r._id]);
  return {
    byId: (id: string) => records.findById(id, NO_OUTBOX).lean<UsageRecordDoc>().exec(),
    /** Newest first, by (occurredAt, id) descending. */
    async page(
      userId: string,
      range: PeriodRange,
      type: UsageType | null | undefined,
      size: number,
      after?: string | null,
    ) {
      const filter: Record<string, unknown> = {
        userId,
        occurredAt: { $gte: range.from, $lt: range.to },
      };
      if (type) filter.type = type;
      if (after) {
        const [ms, id] = decodeCursor(after, 2);
        const at = new Date(Number(ms));
        filter.$or = [{ occurredAt: { $lt: at } }, { occurredAt: at, _id: { $lt: String(id) } }];
      }
      const rows = await records
        .find(filter, NO_OUTBOX)
        .sort({ occurredAt: -1, _id: -1 })
        .limit(size + 1)
        .lean<UsageRecordDoc[]>()
        .exec();
      return toConnection(rows, size, cursorOf);
    },
    async totals(userId: string, range: PeriodRange) {
      const rows = await records.aggregate<{ _id: UsageType; amount: number; count: number }>([
        { $match: { userId, occurredAt: { $gte: range.from, $lt: range.to } } },
        { $group: { _id: '$type', amount: { $sum: '$amount' }, count: { $sum: 1 } } },
      ]);
      const of = (t: UsageType) => rows.find((r) => r._id === t);
      return {
        dataMb: of('DATA')?.amount ?? 0,
        voiceSeconds: of('VOICE')?.amount ?? 0,
        smsCount: of('SMS')?.amount ?? 0,
        records: rows.reduce((n, r) => n + r.count, 0),
      };
    },
  };
}

export type UsageQueries = ReturnType<typeof createUsageQueries>;
