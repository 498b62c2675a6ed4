import { outboxFields, type OutboxDoc } from '@tally/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

export interface PlanTermsDoc {
  name: string;
  monthlyFee: number;
  allowance: { dataMb: number | null; voiceSeconds: number | null; smsCount: number | null };
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
}

/** Plans are immutable: written once, never updated (the id fixes the terms). */
export interface PlanDoc extends PlanTermsDoc, OutboxDoc {
  _id: string;
  createdAt: Date;
}

const planSchema = new Schema<PlanDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    monthlyFee: { type: Number, required: true },
    allowance: { dataMb: Number, voiceSeconds: Number, smsCount: Number },
    overageRate: { perMb: Number, perVoiceSecond: Number, perSms: Number },
    createdAt: { type: Date, required: true },
    ...outboxFields,
  },
  { versionKey: false },
);

export function planModel(db: Connection): Model<PlanDoc> {
  return db.model<PlanDoc>('Plan', planSchema, 'plans');
}
