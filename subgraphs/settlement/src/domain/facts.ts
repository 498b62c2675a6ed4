import type { PlanTerms, UsageType } from '@tally/events';
import type { Day } from '@tally/billing-time';

/** What settlement learns from the event stream; each is an immutable fact named by its id. */
export type SettlementFact = UsageFact | SubscriptionFact;

export interface UsageFact {
  kind: 'usage';
  usageId: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date | string;
  /** When the usage subgraph accepted it: what decides whether it is late for a closed period. */
  recordedAt: Date | string;
}

export interface SubscriptionFact {
  kind: 'subscription';
  subscriptionId: string;
  userId: string;
  effectiveAt: Date | string;
  plan: PlanTerms;
}

/** A usage record on its day, as the running bill keeps it. */
export interface DayUsage {
  userId: string;
  day: Day;
  usageId: string;
  type: UsageType;
  amount: number;
  recordedAt: Date;
}

export interface UserSubscription {
  userId: string;
  subscriptionId: string;
  effectiveAt: Date;
  plan: PlanTerms;
}

/** When settlement first applied a fact (a later delivery of the same fact keeps it). */
export interface Applied {
  appliedAt: Date;
}
