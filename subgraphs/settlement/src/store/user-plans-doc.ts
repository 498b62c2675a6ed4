import type { PlanTerms } from '@tally/events';

/** One stored subscription: at = when settlement first applied it. */
export interface PlanItem {
  effectiveAt: Date;
  plan: PlanTerms;
  at: Date;
}

/**
 * A user as settlement knows them, `_id` = userId: subscriptions keyed by the escaped
 * subscription id, and per period ("YYYY-MM"): `usage` (the user has usage in it), `changes`
 * (writes of usage applied after it ended) and `accounted` (the counter a frozen bill took in).
 */
export interface UserPlansDoc {
  _id: string;
  subs?: Record<string, PlanItem>;
  usage?: Record<string, true>;
  changes?: Record<string, number>;
  accounted?: Record<string, number>;
}
