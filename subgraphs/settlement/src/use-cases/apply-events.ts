import { dayOf, endOfPeriod } from '@tally/billing-time';
import type { Applied, DayUsage, SettlementFact, UserSubscription } from '../domain/facts';
import type { UserMarks } from '../domain/ports';
import type { SettlementDeps } from './deps';

/** How many (user, period) pairs a consumer remembers having marked already. */
const MARKED_MEMORY = 200_000;

/**
 * Adds a batch of facts to the running bills: each usage record to its user's day, each
 * subscription to its user's plans. Any order and any number of deliveries give the same
 * state, so a batch redelivered after a crash is simply applied again. Besides the facts it
 * marks each user's periods with usage (once per pair this process remembers) and counts the
 * writes of usage applied after its period ended, which is what sends a bill to look again at
 * a closed period.
 */
export function makeApplyEvents(deps: SettlementDeps) {
  const marked = new RecentKeys(MARKED_MEMORY);
  const ends = new Map<string, Date>();
  const endOf = (period: string) => {
    let end = ends.get(period);
    if (!end) ends.set(period, (end = endOfPeriod(period, deps.timeZone)));
    return end;
  };

  return async (facts: SettlementFact[]): Promise<void> => {
    const appliedAt = deps.now();
    const usages: Array<DayUsage & Applied> = [];
    const subscriptions: Array<UserSubscription & Applied> = [];
    const marks = new Map<string, { usage: Set<string>; changed: Set<string> }>();
    const markOf = (userId: string) => {
      let m = marks.get(userId);
      if (!m) marks.set(userId, (m = { usage: new Set(), changed: new Set() }));
      return m;
    };
    for (const f of facts) {
      if (f.kind === 'usage') {
        const day = dayOf(f.occurredAt, deps.timeZone);
        const period = day.slice(0, 7);
        usages.push({
          userId: f.userId,
          day,
          usageId: f.usageId,
          type: f.type,
          amount: f.amount,
          recordedAt: new Date(f.recordedAt),
          appliedAt,
        });
        if (!marked.has(`${f.userId}|${period}`)) markOf(f.userId).usage.add(period);
        if (appliedAt >= endOf(period)) markOf(f.userId).changed.add(period);
      } else
        subscriptions.push({
          userId: f.userId,
          subscriptionId: f.subscriptionId,
          effectiveAt: new Date(f.effectiveAt),
          plan: f.plan,
          appliedAt,
        });
    }
    const userMarks: UserMarks[] = [...marks].map(([userId, m]) => ({
      userId,
      usagePeriods: [...m.usage],
      changedAfterEnd: [...m.changed],
    }));
    if (usages.length + subscriptions.length > 0)
      await deps.store.write({ usages, subscriptions, marks: userMarks });
    for (const m of userMarks) for (const p of m.usagePeriods) marked.add(`${m.userId}|${p}`);
  };
}

/** A bounded set: the oldest key leaves when a new one would pass the limit. */
class RecentKeys {
  private readonly keys = new Set<string>();
  constructor(private readonly limit: number) {}
  has(key: string) {
    return this.keys.has(key);
  }
  add(key: string) {
    if (this.keys.has(key)) return;
    if (this.keys.size >= this.limit) this.keys.delete(this.keys.values().next().value!);
    this.keys.add(key);
  }
}
