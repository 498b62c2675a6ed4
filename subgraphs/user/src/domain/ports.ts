import type { ClosedPeriod, Page, Plan, Subscription, User } from './types';

/** Users by id and by phone (both unique keys). Each write carries its outbox intent's id. */
export interface UserStore {
  /** false when the id or the phone is already taken (nothing written). */
  insert(user: User, outboxId: string): Promise<boolean>;
  /** The intent the stored user with this id was written under; null when none or no such user. */
  outboxIdOf(id: string): Promise<string | null>;
  byIds(ids: readonly string[]): Promise<User[]>;
  byPhone(phone: string): Promise<User | null>;
  /** Oldest first, by (createdAt, id). */
  page(size: number, after?: string | null): Promise<Page<User>>;
}

/** The plan catalogue, by id. */
export interface PlanStore {
  /** false when a plan with this id exists (nothing written). */
  insert(plan: Plan, outboxId: string): Promise<boolean>;
  outboxIdOf(id: string): Promise<string | null>;
  byIds(ids: readonly string[]): Promise<Plan[]>;
  /** The whole catalogue, by id. */
  all(): Promise<Plan[]>;
}

export interface StoredSubscription {
  subscription: Subscription;
  /** The intent it was written under; null for subscriptions stored before intents existed. */
  outboxId: string | null;
}

/** Each user's subscriptions, kept together under the user's id. */
export interface SubscriptionStore {
  /** Idempotent: the same subscription and intent store the same value again. */
  put(subscription: Subscription, outboxId: string): Promise<void>;
  find(userId: string, subscriptionId: string): Promise<StoredSubscription | null>;
  /** Per user asked for, in no particular order; a user with none is absent. */
  ofUsers(userIds: readonly string[]): Promise<Map<string, Subscription[]>>;
}

/** The periods settlement has closed, as its `PeriodClosed` events said. */
export interface ClosedPeriods {
  /** Those of `periods` that are closed. */
  closedAmong(periods: readonly string[]): Promise<Set<string>>;
}

/** Where the consumed `PeriodClosed` events are kept, by period. */
export interface ClosedPeriodStore extends ClosedPeriods {
  /** Idempotent: a period already stored keeps what was stored first. */
  remember(closed: readonly ClosedPeriod[]): Promise<void>;
}
