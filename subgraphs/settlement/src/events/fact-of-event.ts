import type { TallyEvent } from '@tally/events';
import type { SettlementFact } from '../domain/facts';

/** The facts settlement takes from an event: usage and subscriptions; other events carry none. */
export function factsOf(event: TallyEvent): SettlementFact[] {
  switch (event.type) {
    case 'UsageRecorded': {
      const { usageId, userId, type, amount, occurredAt, recordedAt } = event.data;
      return [{ kind: 'usage', usageId, userId, type, amount, occurredAt, recordedAt }];
    }
    case 'PlanSubscribed': {
      const { subscriptionId, userId, effectiveAt, plan } = event.data;
      return [{ kind: 'subscription', subscriptionId, userId, effectiveAt, plan }];
    }
    default:
      return [];
  }
}
