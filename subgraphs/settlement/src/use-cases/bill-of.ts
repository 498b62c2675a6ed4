import { daysOfPeriod, parseDay, type Day } from '@tally/billing-time';
import type { Applied, DayUsage, UserSubscription } from '../domain/facts';
import type { UserDay } from '../domain/ports';
import { settleBill, type SettledBill } from '../domain/settle-bill';
import type { SettlementDeps } from './deps';

export interface BillRequest {
  userId: string;
  /** "YYYY-MM" in the billing time zone */
  period: string;
}

/**
 * Bills of many (user, period) pairs from two key lookups: the usage of every day of each
 * period and the users' subscriptions. The cost follows the pairs asked for, never the
 * history stored. One result per request, in order: the bill, or the error of that request
 * (BAD_USER_INPUT for a malformed period), as DataLoader wants them.
 */
export function makeBillOf(deps: Pick<SettlementDeps, 'store' | 'timeZone'>) {
  return async (requests: readonly BillRequest[]): Promise<Array<SettledBill | Error>> => {
    const days = requests.map((r) => attempt(() => daysOfPeriod(r.period)));
    const keys: UserDay[] = [];
    const userIds = new Set<string>();
    requests.forEach((r, i) => {
      const ofPeriod = days[i];
      if (ofPeriod instanceof Error || !ofPeriod) return;
      userIds.add(r.userId);
      for (const day of ofPeriod) keys.push({ userId: r.userId, day });
    });

    const [usages, subscriptions] = await Promise.all([
      deps.store.usageOn(unique(keys)),
      deps.store.subscriptionsOf([...userIds]),
    ]);
    const usageByUserPeriod = groupBy(usages, (u) => `${u.userId}|${periodOf(u.day)}`);
    const subscriptionsByUser = groupBy(subscriptions, (s) => s.userId);
    return requests.map((r, i) => {
      const failed = days[i];
      if (failed instanceof Error) return failed;
      return attempt(() =>
        settleBill({
          userId: r.userId,
          period: r.period,
          timeZone: deps.timeZone,
          subscriptions: (subscriptionsByUser.get(r.userId) ?? []).map(toSubscription),
          usages: (usageByUserPeriod.get(`${r.userId}|${r.period}`) ?? []).map(toRatedUsage),
        }),
      );
    });
  };
}

export type BillOf = ReturnType<typeof makeBillOf>;

const periodOf = (day: Day) => day.slice(0, 7);

const toRatedUsage = (u: DayUsage & Applied) => ({
  id: u.usageId,
  type: u.type,
  amount: u.amount,
  date: parseDay(u.day),
  appliedAt: u.appliedAt,
});

const toSubscription = (s: UserSubscription & Applied) => ({
  id: s.subscriptionId,
  effectiveAt: s.effectiveAt,
  plan: s.plan,
  appliedAt: s.appliedAt,
});

function attempt<T>(fn: () => T): T | Error {
  try {
    return fn();
  } catch (err) {
    return err instanceof Error ? err : new Error(String(err));
  }
}

function unique(keys: UserDay[]): UserDay[] {
  const byKey = new Map(keys.map((k) => [`${k.userId}|${k.day}`, k]));
  return [...byKey.values()];
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
