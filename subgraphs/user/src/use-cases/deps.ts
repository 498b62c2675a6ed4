import type { Outbox } from '@tally/service-kit';
import type { PlanStore, SubscriptionStore, UserStore } from '../domain/ports';
import type { UserEvents } from '../events/user-events';

export interface UserDeps {
  users: UserStore;
  plans: PlanStore;
  subscriptions: SubscriptionStore;
  outbox: Outbox;
  events: UserEvents;
  newId: () => string;
  now: () => Date;
}

/** The read side: the stores only. */
export type ReadDeps = Pick<UserDeps, 'users' | 'plans' | 'subscriptions'>;
