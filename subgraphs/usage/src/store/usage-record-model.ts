import { usageTypeSchema, type UsageType } from '@tally/events';
import { Schema, type Connection, type Model } from 'mongoose';

/** A usage record; `_id` is the caller's idempotency key. Written once, never changed. */
export interface UsageRecordDoc {
  _id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
  /** The outbox intent it was written under; absent on restored records. */
  outboxId?: string;
}

const usageRecordSchema = new Schema<UsageRecordDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    type: { type: String, required: true, enum: usageTypeSchema.options },
    amount: { type: Number, required: true },
    occurredAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    outboxId: { type: String },
  },
  // No secondary index: every read is by _id (a user's records are read from usage_days).
  { versionKey: false },
);

export const USAGE_RECORDS_COLLECTION = 'usage_records';

export function usageRecordModel(db: Connection): Model<UsageRecordDoc> {
  return db.model<UsageRecordDoc>('UsageRecord', usageRecordSchema, USAGE_RECORDS_COLLECTION);
}
