import { usageTypeSchema } from '@tally/events';
import { writeDayBuckets, type DayBucketRecord } from '@tally/usage-subgraph/day-buckets';
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
 * Inserts into the usage store the backup's records it lacks, with their entries in the
 * usage read model (the per-day buckets). Inserts only (a duplicate key means the store has
 * that record, which then stays untouched), and without an outbox intent: a restored record
 * emits no UsageRecorded event, so settlement does not bill it again.
 *
 * The buckets are written first, so a restore that stops half way and runs again finds the
 * record still missing and writes both; an id the store turns out to hold has its bucket
 * entry written again from the stored record, which stands.
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
    await writeDayBuckets(stores.days, docs.map(toBucketRecord), opts.timeZone);
    const { inserted, refused } = await insertNew(stores, docs);
    if (refused.length > 0) await rewriteBucketsFromStore(stores, refused, opts.timeZone);
    result.restored += inserted;
    result.alreadyThere += refused.length;
    opts.progress?.(Math.min(i + batchSize, missing.length), missing.length);
  }
  return result;
}

function toBucketRecord(r: UsageRecord): DayBucketRecord {
  const type = usageTypeSchema.safeParse(r.type);
  if (!type.success)
    throw new Error(`backup record ${r._id} has type ${JSON.stringify(r.type)}: not a usage type`);
  return { ...r, id: r._id, type: type.data };
}

async function rewriteBucketsFromStore(stores: Stores, ids: string[], timeZone: string) {
  const stored = await stores.store
    .find({ _id: { $in: ids } }, { projection: RECORD_PROJECTION })
    .toArray();
  await writeDayBuckets(stores.days, stored.map(toUsageRecord).map(toBucketRecord), timeZone);
}

const DUPLICATE_KEY = 11000;

async function insertNew(stores: Stores, docs: UsageRecord[]) {
  if (docs.length === 0) return { inserted: 0, refused: [] };
  try {
    const r = await stores.store.insertMany(docs, { ordered: false });
    return { inserted: r.insertedCount, refused: [] };
  } catch (err) {
    if (!(err instanceof MongoBulkWriteError)) throw err;
    const errors = Array.isArray(err.writeErrors) ? err.writeErrors : [err.writeErrors];
    if (errors.some((e) => e.code !== DUPLICATE_KEY)) throw err;
    // Every write error is a duplicate key, so the rest went in (the embedded server's
    // insertedCount is not to be trusted here).
    const refused = errors.map((e) => docs[e.index]!._id);
    return { inserted: docs.length - refused.length, refused };
  }
}
