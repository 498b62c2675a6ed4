import type { Model } from 'mongoose';
import type { SubscriptionStore } from '../domain/ports';
import type { Subscription } from '../domain/types';
import { escapeKey, unescapeKey } from '@tally/service-kit';
import type { SubscriptionItemDoc, UserSubscriptionsDoc } from './user-subscriptions-model';

/** Every read and write is by `_id` (the user's id) alone: a key lookup on any server. */
export function makeSubscriptionStore(docs: Model<UserSubscriptionsDoc>): SubscriptionStore {
  return {
    async put(s, outboxId) {
      const item: SubscriptionItemDoc = {
        planId: s.planId,
        effectiveAt: s.effectiveAt,
        createdAt: s.createdAt,
        outboxId,
      };
      await docs.updateOne(
        { _id: s.userId },
        { $set: { [`items.${escapeKey(s.id)}`]: item } },
        { upsert: true },
      );
    },
    async find(userId, subscriptionId) {
      const key = escapeKey(subscriptionId);
      const doc = await docs
        .findById(userId, { [`items.${key}`]: 1 })
        .lean<Pick<UserSubscriptionsDoc, 'items'>>();
      const item = doc?.items?.[key];
      if (!item) return null;
      return { subscription: toSubscription(userId, key, item), outboxId: item.outboxId ?? null };
    },
    async ofUsers(userIds) {
      const found = await docs.find({ _id: { $in: [...userIds] } }).lean<UserSubscriptionsDoc[]>();
      return new Map(
        found.map((d) => [
          d._id,
          Object.entries(d.items ?? {}).map(([key, item]) => toSubscription(d._id, key, item)),
        ]),
      );
    },
  };
}

function toSubscription(userId: string, key: string, item: SubscriptionItemDoc): Subscription {
  return {
    id: unescapeKey(key),
    userId,
    planId: item.planId,
    effectiveAt: item.effectiveAt,
    createdAt: item.createdAt,
  };
}
