import { Schema, type Connection, type Model } from 'mongoose';

export interface SubscriptionItemDoc {
  planId: string;
  effectiveAt: Date;
  createdAt: Date;
  /** The outbox intent it was written under (absent if written before layout 2). */
  outboxId?: string;
}

/**
 * All subscriptions of one user, `_id` = the user's id, so a user's subscriptions (or a
 * batch of users') are one key lookup. Items are keyed by the escaped subscription id.
 */
export interface UserSubscriptionsDoc {
  _id: string;
  items: Record<string, SubscriptionItemDoc>;
}

const userSubscriptionsSchema = new Schema<UserSubscriptionsDoc>(
  {
    _id: { type: String, required: true },
    items: { type: Schema.Types.Mixed },
  },
  { versionKey: false },
);

export function userSubscriptionsModel(db: Connection): Model<UserSubscriptionsDoc> {
  return db.model<UserSubscriptionsDoc>(
    'UserSubscriptions',
    userSubscriptionsSchema,
    'user_subscriptions',
  );
}
