import type { TallyEvent } from '@tally/events';
import { insertUnordered } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { SubscriptionFactDoc } from './subscription-fact-model';
import type { UsageFactDoc } from './usage-fact-model';

/**
 * Writes events as facts keyed by their natural id, unordered: the first delivery stores
 * one, every later one (redelivery, replay) is refused as a duplicate and changes nothing.
 */
export function createFactStore(m: {
  subscriptions: Model<SubscriptionFactDoc>;
  usages: Model<UsageFactDoc>;
}) {
  return {
    async apply(events: TallyEvent[], appliedAt: Date): Promise<void> {
      const subs = [];
      const usages = [];
      for (const e of events) {
        if (e.type === 'PlanSubscribed') {
          const d = e.data;
          subs.push({
            _id: d.subscriptionId,
            userId: d.userId,
            effectiveAt: new Date(d.effectiveAt),
            plan: d.plan,
            eventId: e.id,
            appliedAt,
          });
        } else if (e.type === 'UsageRecorded') {
          const d = e.data;
          usages.push({
            _id: d.usageId,
            userId: d.userId,
            type: d.type,
            amount: d.amount,
            occurredAt: new Date(d.occurredAt),
            eventId: e.id,
            appliedAt,
          });
        }
      }
      await Promise.all([
        insertUnordered(m.subscriptions, subs),
        insertUnordered(m.usages, usages),
      ]);
    },
    /** What a bill of [from, to) needs: every subscription effective before `to`, the usage in the range. */
    async factsForBill(userId: string, range: { from: Date; to: Date }) {
      const [subscriptions, usages] = await Promise.all([
        m.subscriptions
          .find({ userId, effectiveAt: { $lt: range.to } }, { eventId: 0 })
          .lean<SubscriptionFactDoc[]>()
          .exec(),
        m.usages
          .find(
            { userId, occurredAt: { $gte: range.from, $lt: range.to } },
            { type: 1, amount: 1, occurredAt: 1, appliedAt: 1 },
          )
          .lean<UsageFactDoc[]>()
          .exec(),
      ]);
      return {
        subscriptions: subscriptions.map((s) => ({
          id: s._id,
          effectiveAt: s.effectiveAt,
          plan: s.plan,
          appliedAt: s.appliedAt,
        })),
        usages: usages.map((u) => ({
          id: u._id,
          type: u.type,
          amount: u.amount,
          occurredAt: u.occurredAt,
          appliedAt: u.appliedAt,
        })),
      };
    },
  };
}

export type FactStore = ReturnType<typeof createFactStore>;
