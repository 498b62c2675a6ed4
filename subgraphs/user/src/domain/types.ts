import type { PlanTerms } from '@tally/events';

export interface User {
  id: string;
  name: string;
  /** E.164; unique. */
  phone: string;
  email: string | null;
  createdAt: Date;
}

/** A catalogue plan: its terms (as events carry them) and when it was created. Immutable. */
export interface Plan extends PlanTerms {
  createdAt: Date;
}

export interface Subscription {
  id: string;
  userId: string;
  planId: string;
  effectiveAt: Date;
  createdAt: Date;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A billing period settlement has closed (its `PeriodClosed` event); it never reopens. */
export interface ClosedPeriod {
  /** "YYYY-MM" in the billing time zone. */
  period: string;
  /** Facts applied from this instant on are late for the period. */
  cutoff: Date;
  closedAt: Date;
  invoices: number;
}
