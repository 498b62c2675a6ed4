import { dayOf } from '@tally/billing-time';
import type { Applied, DayUsage, SettlementFact, UserSubscription } from '../domain/facts';
import type { SettlementDeps } from './deps';

/**
 * Adds a batch of facts to the running bills: each usage record to its user's day, each
 * subscription to its user's plans. Any order and any number of deliveries give the same
 * state, so a batch redelivered after a crash is simply applied again.
 */
export function makeApplyEvents(deps: SettlementDeps) {
  return async (facts: SettlementFact[]): Promise<void> => {
    const appliedAt = deps.now();
    const usages: Array<DayUsage & Applied> = [];
    const subscriptions: Array<UserSubscription & Applied> = [];
    for (const f of facts) {
      if (f.kind === 'usage')
        usages.push({
          userId: f.userId,
          day: dayOf(f.occurredAt, deps.timeZone),
          usageId: f.usageId,
          type: f.type,
          amount: f.amount,
          appliedAt,
        });
      else
        subscriptions.push({
          userId: f.userId,
          subscriptionId: f.subscriptionId,
          effectiveAt: new Date(f.effectiveAt),
          plan: f.plan,
          appliedAt,
        });
    }
    if (usages.length + subscriptions.length > 0) await deps.store.write({ usages, subscriptions });
  };
}
