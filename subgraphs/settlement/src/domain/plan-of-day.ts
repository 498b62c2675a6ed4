import { daysInPeriod, endOfLocalDay } from '@tally/billing-time';
import type { PlanTerms } from '@tally/events';
import { BillingInvariantError } from './safe-integer';

export interface Subscription {
  id: string;
  effectiveAt: string | Date;
  plan: PlanTerms;
}

interface Timed extends Subscription {
  at: number;
}

/**
 * Subscriptions by effectiveAt, then id, without duplicate ids: one canonical order whatever
 * order (and however often) the events arrived. Same-instant changes are settled by id.
 */
export function canonicalSubscriptions(subscriptions: Subscription[]): Timed[] {
  const byId = new Map<string, Timed>();
  for (const s of subscriptions) {
    const at = new Date(s.effectiveAt).getTime();
    if (Number.isNaN(at))
      throw new BillingInvariantError(`subscription ${s.id} has no valid effectiveAt`);
    const seen = byId.get(s.id);
    if (!seen || at < seen.at) byId.set(s.id, { ...s, at });
  }
  return [...byId.values()].sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The latest subscription effective before `dayEnd`, or null before the first. */
export function subscriptionOfDay(sorted: Timed[], dayEnd: Date): Timed | null {
  let current: Timed | null = null;
  for (const s of sorted) {
    if (s.at >= dayEnd.getTime()) break;
    current = s;
  }
  return current;
}

/** Each day's subscription: index 0 is day 1. A change at any time on a day counts for that whole day. */
export function subscriptionCalendar(
  period: string,
  timeZone: string,
  subscriptions: Subscription[],
): Array<Subscription | null> {
  const sorted = canonicalSubscriptions(subscriptions);
  return Array.from({ length: daysInPeriod(period) }, (_, i) =>
    subscriptionOfDay(sorted, endOfLocalDay(period, i + 1, timeZone)),
  );
}

/** Each day's plan: index 0 is day 1; null on days before the first subscription. */
export function planCalendar(
  period: string,
  timeZone: string,
  subscriptions: Subscription[],
): Array<PlanTerms | null> {
  return subscriptionCalendar(period, timeZone, subscriptions).map((s) => s?.plan ?? null);
}
