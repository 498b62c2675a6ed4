import type { Day } from '@tally/billing-time';
import type { Applied, DayUsage, UserSubscription } from './facts';

/** The (user, day) keys of stored usage. */
export interface UserDay {
  userId: string;
  day: Day;
}

/**
 * What the consumer notes about a user besides the facts: the periods the user has usage in
 * (so a close finds its users), and a change counter per period bumped by every write of usage
 * applied after the period had ended (so a bill knows when a closed period needs another look).
 */
export interface UserMarks {
  userId: string;
  usagePeriods: string[];
  changedAfterEnd: string[];
}

/** A user as settlement knows them. */
export interface UserState {
  userId: string;
  subscriptions: Array<UserSubscription & Applied>;
  usagePeriods: string[];
  /** Per period: writes of usage applied after the period ended. */
  changes: Record<string, number>;
  /** Per period: the counter value the latest frozen bill took into account. */
  accounted: Record<string, number>;
}

/**
 * The running bill's stored state: each user's usage by day and subscriptions. Writing a
 * fact is idempotent by nature: the same fact written again, in any order, changes nothing
 * but keeps the earliest `appliedAt`. Marks are written after the facts they describe.
 */
export interface BillStateStore {
  write(change: {
    usages: Array<DayUsage & Applied>;
    subscriptions: Array<UserSubscription & Applied>;
    marks: UserMarks[];
  }): Promise<void>;
  /** The usage stored on these days (a day with none adds nothing); cost follows the keys. */
  usageOn(days: UserDay[]): Promise<Array<DayUsage & Applied>>;
  /** These users' subscriptions and marks (a user settlement has never seen is absent). */
  usersOf(userIds: string[]): Promise<UserState[]>;
  /** Every user settlement knows, for a close to go through (its cost follows the users). */
  allUsers(): AsyncIterable<UserState>;
  /** After a frozen bill: the counters it took into account. */
  markAccounted(
    entries: Array<{ userId: string; accounted: Record<string, number> }>,
  ): Promise<void>;
}
