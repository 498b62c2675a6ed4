import type { UsageType } from '@tally/events';
import type { Migration, Outbox, OutboxMessage } from '@tally/service-kit';
import type { Collection, Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { UsageRecord } from '../../domain/usage-record';
import { USAGE_RECORD_KIND } from '../../use-cases/deps';
import { USAGE_DAYS_COLLECTION, writeDayBuckets, type UsageDayDoc } from '../day-buckets';
import { USAGE_RECORDS_COLLECTION } from '../usage-record-model';

/** A record as layout 1 stored it: its events in the document until the relay published them. */
interface Layout1RecordDoc {
  _id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
  outbox?: OutboxMessage[];
  outboxPending?: boolean;
  outboxId?: string;
}

const BATCH = 1000;
const LOG_EVERY = 10 * BATCH;
/** Layout 1's secondary indexes (real MongoDB built them; nothing reads through them now). */
const LAYOUT_1_INDEXES = ['userId_1_occurredAt_-1__id_-1', 'outboxPending_1'];

/**
 * Layout 1 → 2: builds the per-(user, day) buckets from every record, turns each record whose
 * events were still pending into an outbox intent (the record then carries its `outboxId`, so
 * the sweep publishes its events once), and drops the in-document outbox fields. Safe to run
 * again after a crash: buckets are idempotent `$set`s, a record keeps `outboxPending` until it
 * carries its intent's id, and an intent left without its record's `outboxId` is dropped by
 * the redo (the record carries the newer intent's id).
 */
export function migrateToLayout2(deps: {
  outbox: Pick<Outbox, 'intend'>;
  timeZone: string;
  eventsOf: (record: UsageRecord) => OutboxMessage[];
}): Migration {
  return async (db: Connection, logger: Logger) => {
    const records = db.collection<Layout1RecordDoc>(USAGE_RECORDS_COLLECTION);
    const days = db.collection<UsageDayDoc>(USAGE_DAYS_COLLECTION);
    const total = await records.estimatedDocumentCount();
    const tally = { records: 0, intents: 0 };
    let batch: Layout1RecordDoc[] = [];
    const flush = async () => {
      await writeDayBuckets(days, batch.map(toRecord), deps.timeZone);
      tally.intents += await movePendingToOutbox(records, batch, deps);
      await unsetOldFields(records, batch);
      tally.records += batch.length;
      batch = [];
      if (tally.records % LOG_EVERY === 0)
        logger.info({ ...tally, total }, 'usage layout 2: migrating records');
    };
    for await (const doc of records.find({}, { batchSize: BATCH })) {
      batch.push(doc);
      if (batch.length === BATCH) await flush();
    }
    if (batch.length > 0) await flush();
    await dropIndexes(records, LAYOUT_1_INDEXES);
    logger.info({ ...tally, total }, 'usage layout 2: records migrated');
  };
}

const toRecord = (d: Layout1RecordDoc): UsageRecord => ({
  id: d._id,
  userId: d.userId,
  type: d.type,
  amount: d.amount,
  occurredAt: d.occurredAt,
  recordedAt: d.recordedAt,
});

async function movePendingToOutbox(
  records: Collection<Layout1RecordDoc>,
  docs: Layout1RecordDoc[],
  deps: Parameters<typeof migrateToLayout2>[0],
): Promise<number> {
  const pending = docs.filter((d) => d.outboxPending === true);
  if (pending.length === 0) return 0;
  const ids = await deps.outbox.intend(
    pending.map((d) => {
      const record = toRecord(d);
      // The messages the record was written with keep their event ids (consumers dedupe).
      const messages = d.outbox?.length ? d.outbox : deps.eventsOf(record);
      return { kind: USAGE_RECORD_KIND, change: record, messages };
    }),
  );
  await records.bulkWrite(
    pending.map((d, i) => ({
      updateOne: {
        filter: { _id: d._id },
        update: { $set: { outboxId: ids[i]! }, $unset: { outbox: '', outboxPending: '' } },
      },
    })),
    { ordered: false },
  );
  return pending.length;
}

async function unsetOldFields(records: Collection<Layout1RecordDoc>, docs: Layout1RecordDoc[]) {
  const stale = docs.filter(
    (d) => d.outboxPending !== true && (d.outbox !== undefined || d.outboxPending !== undefined),
  );
  if (stale.length === 0) return;
  await records.updateMany(
    { _id: { $in: stale.map((d) => d._id) } },
    { $unset: { outbox: '', outboxPending: '' } },
  );
}

async function dropIndexes(records: Collection<Layout1RecordDoc>, names: string[]) {
  // No usage_records collection (only known users were stored): nothing to drop.
  const indexes = await records.indexes().catch(() => []);
  const existing = new Set(indexes.map((i) => i.name));
  for (const name of names) if (existing.has(name)) await records.dropIndex(name);
}
