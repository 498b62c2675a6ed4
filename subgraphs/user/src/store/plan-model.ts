import type { PlanTerms } from '@tally/events';
import { Schema, type Connection, type Model } from 'mongoose';

/** Plans are immutable: written once, never updated (the id fixes the terms). */
export interface PlanDoc extends Omit<PlanTerms, 'id'> {
  _id: string;
  createdAt: Date;
  /** The outbox intent this plan was written under (absent if written before layout 2). */
  outboxId?: string;
}

const planSchema = new Schema<PlanDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    monthlyFee: { type: Number, required: true },
    allowance: { dataMb: Number, voiceSeconds: Number, smsCount: Number },
    overageRate: { perMb: Number, perVoiceSecond: Number, perSms: Number },
    createdAt: { type: Date, required: true },
    outboxId: { type: String },
  },
  { versionKey: false },
);

export function planModel(db: Connection): Model<PlanDoc> {
  return db.model<PlanDoc>('Plan', planSchema, 'plans');
}
