import type { Day } from '@tally/billing-time';
import type { Applied, DayUsage, UserSubscription } from './facts';

/** The (user, day) keys of stored usage. */
export interface UserDay {
  userId: string;
  day: Day;
}

/**
 * The running bill's stored state: each user's usage by day and subscriptions. Writing a
 * fact is idempotent by nature: the same fact written again, in any order, changes nothing
 * but keeps the earliest `appliedAt`.
 */
export interface BillStateStore {
  write(change: {
    usages: Array<DayUsage & Applied>;
    subscriptions: Array<UserSubscription & Applied>;
  }): Promise<void>;
  /** The usage stored on these days (a day with none adds nothing); cost follows the keys. */
  usageOn(days: UserDay[]): Promise<Array<DayUsage & Applied>>;
  /** Every subscription of these users. */
  subscriptionsOf(userIds: string[]): Promise<Array<UserSubscription & Applied>>;
}
