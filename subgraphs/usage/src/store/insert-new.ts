import { isDuplicateKey } from '@tally/service-kit';
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
  if (docs.length === 0) return new Map();
  try {
    await model.insertMany(docs, { ordered: false, lean: true });
    return new Map();
  } catch (err) {
    const writeErrors = (
      err as {
        writeErrors?: Array<{
          err?: { code?: number; index?: number };
          code?: number;
          index?: number;
        }>;
      }
    ).writeErrors;
    if (!writeErrors && !isDuplicateKey(err)) throw err;
    const failed = (writeErrors ?? [{ code: 11000, index: 0 }]).map((w) => ({
      code: w.code ?? w.err?.code,
      index: w.index ?? w.err?.index ?? 0,
    }));
    if (failed.some((f) => f.code !== 11000)) throw err;
    const ids = failed.map((f) => docs[f.index]!._id);
    const stored = await model
      .find({ _id: { $in: ids } }, { outbox: 0, outboxPending: 0 })
      .lean<UsageRecordDoc[]>();
    return new Map(stored.map((s) => [s._id, s]));
  }
}
