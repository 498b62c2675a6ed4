import { insertUnordered } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UsageRecordDoc } from './usage-record-model';

/**
 * Inserts records unordered. Ids that a concurrent writer inserted first (duplicate key) are
 * returned with what is stored for them, so the caller can judge duplicate vs conflict.
 */
export async function insertNew(
  model: Model<UsageRecordDoc>,
  docs: UsageRecordDoc[],
): Promise<Map<string, UsageRecordDoc>> {
  const refused = await insertUnordered(model, docs);
  if (refused.length === 0) return new Map();
  const stored = await model
    .find({ _id: { $in: refused.map((i) => docs[i]!._id) } }, { outbox: 0, outboxPending: 0 })
    .lean<UsageRecordDoc[]>()
    .exec();
  return new Map(stored.map((s) => [s._id, s]));
}
