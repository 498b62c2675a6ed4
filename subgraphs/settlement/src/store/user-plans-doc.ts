import type { PlanTerms } from '@tally/events';

/** One stored subscription: at = when settlement first applied it. */
export interface PlanItem {
  effectiveAt: Date;
  plan: PlanTerms;
  at: Date;
}

/** A user's subscriptions, `_id` = userId, keyed by the escaped subscription id. */
export interface UserPlansDoc {
  _id: string;
  subs: Record<string, PlanItem>;
}
