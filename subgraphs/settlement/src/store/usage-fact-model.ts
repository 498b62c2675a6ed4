import { Schema, type Connection, type Model } from 'mongoose';

/** A UsageRecorded event as settlement keeps it: keyed by the usage id, so replays overwrite. */
export interface UsageFactDoc {
  _id: string;
  userId: string;
  type: 'DATA' | 'VOICE' | 'SMS';
  amount: number;
  occurredAt: Date;
  eventId: string;
  appliedAt: Date;
}

const schema = new Schema<UsageFactDoc>(
  {
    _id: String,
    userId: { type: String, required: true },
    type: { type: String, required: true },
    amount: { type: Number, required: true },
    occurredAt: { type: Date, required: true },
    eventId: String,
    appliedAt: Date,
  },
  { versionKey: false },
);
schema.index({ userId: 1, occurredAt: 1 });

export function usageFactModel(db: Connection): Model<UsageFactDoc> {
  return db.model<UsageFactDoc>('UsageFact', schema, 'usage_facts');
}
