import type { Outbox } from '@tally/service-kit';
import type { ClosingSchedule } from '../domain/closed-period';
import type { ClosedPeriods, PlanStore, SubscriptionStore, UserStore } from '../domain/ports';
import type { UserEvents } from '../events/user-events';

export interface UserDeps {
  users: UserStore;
  plans: PlanStore;
  subscriptions: SubscriptionStore;
  closedPeriods: ClosedPeriods;
  /** billing.timeZone, graceDays and autoClose: when periods close on their own. */
  closing: ClosingSchedule;
  outbox: Outbox;
  events: UserEvents;
  newId: () => string;
  now: () => Date;
}

/** The read side: the stores only. */
export type ReadDeps = Pick<UserDeps, 'users' | 'plans' | 'subscriptions'>;
