import { outboxFields, type OutboxDoc } from '@tally/service-kit';
import { Schema, type Connection, type Model } from 'mongoose';

export interface SubscriptionDoc extends OutboxDoc {
  _id: string;
  userId: string;
  planId: string;
  effectiveAt: Date;
  createdAt: Date;
}

const subscriptionSchema = new Schema<SubscriptionDoc>(
  {
    _id: { type: String, required: true },
    userId: { type: String, required: true },
    planId: { type: String, required: true },
    effectiveAt: { type: Date, required: true },
    createdAt: { type: Date, required: true },
    ...outboxFields,
  },
  { versionKey: false },
);
subscriptionSchema.index({ userId: 1, effectiveAt: 1 });

export function subscriptionModel(db: Connection): Model<SubscriptionDoc> {
  return db.model<SubscriptionDoc>('Subscription', subscriptionSchema, 'subscriptions');
}
