import type { Applied } from './facts';
import { rateBill, type RatedBill, type RatedUsage } from './rate-bill';
import { subscriptionCalendar, type Subscription } from './plan-of-day';

export interface SettleInput {
  userId: string;
  period: string;
  timeZone: string;
  /** Every subscription of the user effective before the period's end (earlier ones decide day 1). */
  subscriptions: Array<Subscription & Applied>;
  /** The user's usage facts of the period. */
  usages: Array<RatedUsage & Applied>;
}

export interface SettledBill extends RatedBill {
  userId: string;
  /** Facts that shaped the bill: the period's usage and the subscriptions in force on one of its days. */
  eventsApplied: number;
  /** When the last of those facts was stored; null for an empty bill. */
  updatedAt: Date | null;
}

export function settleBill(input: SettleInput): SettledBill {
  const bill = rateBill(input);
  const inForce = new Set(
    subscriptionCalendar(input.period, input.timeZone, input.subscriptions).flatMap((s) =>
      s ? [s.id] : [],
    ),
  );
  const shaping = [...input.subscriptions.filter((s) => inForce.has(s.id)), ...input.usages];
  const ids = new Set(shaping.map((f) => ('type' in f ? `u:${f.id}` : `s:${f.id}`)));
  const updatedAt = shaping.reduce<Date | null>(
    (max, f) => (max && max >= f.appliedAt ? max : f.appliedAt),
    null,
  );
  return { ...bill, userId: input.userId, eventsApplied: ids.size, updatedAt };
}
