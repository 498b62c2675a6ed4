import { Schema, type Connection, type Model } from 'mongoose';
import { USAGE_DAYS_COLLECTION, type UsageDayDoc } from './day-buckets';

const usageDaySchema = new Schema<UsageDayDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    day: { type: String, required: true },
    items: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

export function usageDayModel(db: Connection): Model<UsageDayDoc> {
  return db.model<UsageDayDoc>('UsageDay', usageDaySchema, USAGE_DAYS_COLLECTION);
}
