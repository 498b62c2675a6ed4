import { Schema, type Connection, type Model } from 'mongoose';

/** A period settlement has closed, `_id` = the period ("YYYY-MM"): written once, kept. */
export interface ClosedPeriodDoc {
  _id: string;
  cutoff: Date;
  closedAt: Date;
  invoices: number;
}

const closedPeriodSchema = new Schema<ClosedPeriodDoc>(
  {
    _id: { type: String, required: true },
    cutoff: { type: Date, required: true },
    closedAt: { type: Date, required: true },
    invoices: { type: Number, required: true },
  },
  { versionKey: false },
);

export function closedPeriodModel(db: Connection): Model<ClosedPeriodDoc> {
  return db.model<ClosedPeriodDoc>('ClosedPeriod', closedPeriodSchema, 'closed_periods');
}
