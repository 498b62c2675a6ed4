import { MongoBulkWriteError } from 'mongodb';
import { mergeById } from './merge-by-id';
import { idsOf, periodFilter, type Stores } from './stores';
import { RECORD_PROJECTION, toUsageRecord, type UsageRecord } from './usage-record';

export interface RestoreOptions {
  period: string | null;
  timeZone: string;
  batchSize?: number;
  /** Called once the missing records are counted, then after every batch. */
  progress?: (done: number, total: number) => void;
}

export interface RestoreResult {
  /** Records the backup has and the store lacked when the restore began. */
  missing: number;
  restored: number;
  /** Written to the store by someone else meanwhile; left as they are. */
  alreadyThere: number;
}

/**
 * Inserts into the usage store the backup's records it lacks. Inserts only (a duplicate key
 * means the store has that record, which then stays untouched), and without the outbox fields:
 * the usage relay publishes only documents with `outboxPending: true`, so a restored record
 * emits no UsageRecorded event and settlement does not bill it again.
 */
export async function restoreBackup(stores: Stores, opts: RestoreOptions): Promise<RestoreResult> {
  const filter = periodFilter(opts.period, opts.timeZone);
  const missing: string[] = [];
  for await (const m of mergeById(idsOf(stores.store, filter), idsOf(stores.backup, filter)))
    if (m.backup && !m.store) missing.push(m.id);

  const result: RestoreResult = { missing: missing.length, restored: 0, alreadyThere: 0 };
  // At least 20 batches when there are enough records, so progress moves every 5%.
  const batchSize = opts.batchSize ?? Math.min(500, Math.max(1, Math.ceil(missing.length / 20)));
  opts.progress?.(0, missing.length);
  for (let i = 0; i < missing.length; i += batchSize) {
    const ids = missing.slice(i, i + batchSize);
    const docs = (
      await stores.backup.find({ _id: { $in: ids } }, { projection: RECORD_PROJECTION }).toArray()
    ).map(toUsageRecord);
    const { inserted, duplicates } = await insertNew(stores, docs);
    result.restored += inserted;
    result.alreadyThere += duplicates;
    opts.progress?.(Math.min(i + batchSize, missing.length), missing.length);
  }
  return result;
}

const DUPLICATE_KEY = 11000;

async function insertNew(stores: Stores, docs: UsageRecord[]) {
  if (docs.length === 0) return { inserted: 0, duplicates: 0 };
  try {
    const r = await stores.store.insertMany(docs, { ordered: false });
    return { inserted: r.insertedCount, duplicates: 0 };
  } catch (err) {
    if (!(err instanceof MongoBulkWriteError)) throw err;
    const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw err;
    return { inserted: err.insertedCount, duplicates: errors.length };
  }
}
