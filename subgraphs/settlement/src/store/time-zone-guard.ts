import type { Connection } from 'mongoose';

export const META_COLLECTION = 'settlement_meta';
const BUCKETS = 'buckets';

interface MetaDoc {
  _id: string;
  timeZone: string;
  since: Date;
}

/** Stored usage is bucketed by day in one time zone; read in another, every bill would be wrong. */
export class TimeZoneChangedError extends Error {
  override name = 'TimeZoneChangedError';
  readonly retriable = false;
  constructor(
    readonly stored: string,
    readonly configured: string,
  ) {
    super(
      `settlement's running bills are bucketed by day in ${stored}, but billing.timeZone is now ` +
        `${configured}. Either set billing.timeZone (BILLING_TIME_ZONE) back to ${stored}, or ` +
        `stop every settlement instance and run \`npm run rebuild:settlement\`: the next start ` +
        `rebuilds the bills from the Kafka topics in ${configured}.`,
    );
  }
}

const meta = (db: Connection) => db.collection<MetaDoc>(META_COLLECTION);

/** Refuses a time zone other than the one the stored buckets were built with (if any). */
export async function checkBucketTimeZone(db: Connection, timeZone: string): Promise<void> {
  const stored = await meta(db).findOne({ _id: BUCKETS });
  if (stored && stored.timeZone !== timeZone)
    throw new TimeZoneChangedError(stored.timeZone, timeZone);
}

/** Records the zone before any bucket is written; a zone recorded first (e.g. by a racing start) wins. */
export async function claimBucketTimeZone(db: Connection, timeZone: string): Promise<void> {
  await meta(db).updateOne(
    { _id: BUCKETS },
    { $setOnInsert: { timeZone, since: new Date() } },
    { upsert: true },
  );
  await checkBucketTimeZone(db, timeZone);
}
