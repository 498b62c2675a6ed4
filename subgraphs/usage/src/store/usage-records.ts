import { insertUnordered } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UsageRecords } from '../domain/ports';
import type { StoredUsageRecord, UsageRecord } from '../domain/usage-record';
import type { UsageRecordDoc } from './usage-record-model';

export const toStoredRecord = (d: UsageRecordDoc): StoredUsageRecord => ({
  id: d._id,
  userId: d.userId,
  type: d.type,
  amount: d.amount,
  occurredAt: d.occurredAt,
  recordedAt: d.recordedAt,
  outboxId: d.outboxId ?? null,
});

export const toRecordDoc = (r: UsageRecord, outboxId: string): UsageRecordDoc => ({
  _id: r.id,
  userId: r.userId,
  type: r.type,
  amount: r.amount,
  occurredAt: r.occurredAt,
  recordedAt: r.recordedAt,
  outboxId,
});

export function makeUsageRecords(records: Model<UsageRecordDoc>): UsageRecords {
  const byIds = async (ids: readonly string[]) => {
    if (ids.length === 0) return [];
    const docs = await records
      .find({ _id: { $in: [...ids] } })
      .lean<UsageRecordDoc[]>()
      .exec();
    return docs.map(toStoredRecord);
  };
  return {
    byIds,
    async insertNew(rows) {
      const docs = rows.map((row) => toRecordDoc(row.record, row.outboxId));
      const refused = await insertUnordered(records, docs);
      const stored = await byIds(refused.map((i) => docs[i]!._id));
      return new Map(stored.map((s) => [s.id, s]));
    },
  };
}
