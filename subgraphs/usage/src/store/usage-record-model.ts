import { outboxFields, type OutboxDoc } from '@tally/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

export type UsageType = 'DATA' | 'VOICE' | 'SMS';

/** A usage record; `_id` is the caller's idempotency key. Written once, never changed. */
export interface UsageRecordDoc extends OutboxDoc {
  _id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
}

const usageRecordSchema = new Schema<UsageRecordDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    type: { type: String, required: true, enum: ['DATA', 'VOICE', 'SMS'] },
    amount: { type: Number, required: true },
    occurredAt: { type: Date, required: true },
    recordedAt: { type: Date, required: true },
    ...outboxFields,
  },
  { versionKey: false },
);
usageRecordSchema.index({ userId: 1, occurredAt: -1, _id: -1 });

export function usageRecordModel(db: Connection): Model<UsageRecordDoc> {
  return db.model<UsageRecordDoc>('UsageRecord', usageRecordSchema, 'usage_records');
}
