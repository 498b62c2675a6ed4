import { periodRange } from '@tally/billing-time';
import { USAGE_DAYS_COLLECTION, type UsageDayDoc } from '@tally/usage-subgraph/day-buckets';
import { MongoClient, type Collection, type Filter } from 'mongodb';
import type { BackupSettings } from './config';
import { RECORD_PROJECTION, toUsageRecord, type UsageRecord } from './usage-record';

/** A usage record document: string ids (the caller's idempotency keys), anything else. */
export type RecordDoc = { _id: string } & Record<string, unknown>;

export interface Stores {
  /** The usage subgraph's records (each with the id of the outbox intent it was written under). */
  store: Collection<RecordDoc>;
  /** The usage subgraph's read model: each user's records bucketed by day. */
  days: Collection<UsageDayDoc>;
  backup: Collection<RecordDoc>;
  /** `db.collection` of each, for messages. */
  names: { store: string; backup: string };
  close: () => Promise<void>;
}

export async function openStores(
  settings: Pick<BackupSettings, 'mongoUrl' | 'usageDatabase' | 'backupDatabase' | 'collection'>,
): Promise<Stores> {
  const client = await MongoClient.connect(settings.mongoUrl, { serverSelectionTimeoutMS: 5000 });
  const { usageDatabase, backupDatabase, collection } = settings;
  return {
    store: client.db(usageDatabase).collection<RecordDoc>(collection),
    days: client.db(usageDatabase).collection<UsageDayDoc>(USAGE_DAYS_COLLECTION),
    backup: client.db(backupDatabase).collection<RecordDoc>(collection),
    names: { store: `${usageDatabase}.${collection}`, backup: `${backupDatabase}.${collection}` },
    close: () => client.close(),
  };
}

/** Records whose occurredAt falls in `period` (a month in `timeZone`), or all of them. */
export function periodFilter(period: string | null, timeZone: string): Filter<RecordDoc> {
  if (!period) return {};
  const { from, to } = periodRange(period, timeZone);
  return { occurredAt: { $gte: from, $lt: to } };
}

/** The records of a collection in id order, as a stream. */
export async function* recordsById(
  collection: Collection<RecordDoc>,
  filter: Filter<RecordDoc>,
): AsyncGenerator<UsageRecord> {
  const cursor = collection.find(filter, { projection: RECORD_PROJECTION }).sort({ _id: 1 });
  for await (const doc of cursor) yield toUsageRecord(doc);
}

/** Only the ids, in order (what a restore compares). */
export async function* idsOf(
  collection: Collection<RecordDoc>,
  filter: Filter<RecordDoc>,
): AsyncGenerator<{ _id: string }> {
  const cursor = collection.find(filter, { projection: { _id: 1 } }).sort({ _id: 1 });
  for await (const doc of cursor) yield { _id: String(doc._id) };
}
