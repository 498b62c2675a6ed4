import { Schema, type Connection, type Model } from 'mongoose';
import type { PlanTerms } from '../domain/plan-terms';

/** A PlanSubscribed event as settlement keeps it: keyed by subscription id, so replays overwrite. */
export interface SubscriptionFactDoc {
  _id: string;
  userId: string;
  effectiveAt: Date;
  plan: PlanTerms;
  eventId: string;
  appliedAt: Date;
}

const schema = new Schema<SubscriptionFactDoc>(
  {
    _id: String,
    userId: { type: String, required: true },
    effectiveAt: { type: Date, required: true },
    plan: { type: Schema.Types.Mixed, required: true },
    eventId: String,
    appliedAt: Date,
  },
  { versionKey: false },
);
schema.index({ userId: 1, effectiveAt: 1 });

export function subscriptionFactModel(db: Connection): Model<SubscriptionFactDoc> {
  return db.model<SubscriptionFactDoc>('SubscriptionFact', schema, 'subscription_facts');
}
