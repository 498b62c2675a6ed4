import { daysInPeriod, localDayOf, periodOfDate, type LocalDate } from '@tally/billing-time';
import type { PlanTerms, UsageType } from '@tally/events';
import { planCalendar, type Subscription } from './plan-of-day';
import { fieldOf, zeroTotals, type UsageTotals } from './usage-totals';
import { rateLine, type RatedLine } from './rate-line';
import { BillingInvariantError, safe, sum } from './safe-integer';

/**
 * A usage record as rating needs it: its amount and its day in the billing time zone, given
 * as the instant it occurred or, from stored day buckets, as the day itself.
 */
export type RatedUsage = {
  id: string;
  type: UsageType;
  amount: number;
} & ({ occurredAt: string | Date } | { date: LocalDate });

export interface RateBillInput {
  /** "YYYY-MM" in the billing time zone */
  period: string;
  timeZone: string;
  subscriptions: Subscription[];
  usages: RatedUsage[];
}

export interface RatedBill {
  period: string;
  baseFee: number;
  overageCharge: number;
  total: number;
  /** All usage of the period, rated or not. */
  usage: UsageTotals;
  /** Usage on days with no plan: not charged. */
  unratedUsage: UsageTotals;
  /** One per plan, in order of first day. */
  lines: RatedLine[];
}

/**
 * The bill of one user for one period, per billing-rules.md. Order and duplicates (by id) of
 * the inputs do not matter; usage outside the period is ignored.
 */
export function rateBill(input: RateBillInput): RatedBill {
  const { period, timeZone } = input;
  const days = daysInPeriod(period);
  const calendar = planCalendar(period, timeZone, input.subscriptions);

  const groups = new Map<string, { plan: PlanTerms; days: number; usage: UsageTotals }>();
  const dayGroup = calendar.map((plan) => {
    if (!plan) return null;
    const group = groups.get(plan.id) ?? { plan, days: 0, usage: zeroTotals() };
    group.days += 1;
    groups.set(plan.id, group);
    return group;
  });

  const usage = zeroTotals();
  const unratedUsage = zeroTotals();
  for (const u of uniqueById(input.usages)) {
    const date = 'date' in u ? u.date : localDayOf(u.occurredAt, timeZone);
    if (periodOfDate(date) !== period) continue;
    if (!Number.isSafeInteger(u.amount) || u.amount <= 0)
      throw new BillingInvariantError(
        `usage ${u.id} has amount ${u.amount}; expected a positive integer`,
      );
    const field = fieldOf(u.type);
    usage[field] = safe(usage[field] + u.amount, 'period usage');
    const into = dayGroup[date.day - 1]?.usage ?? unratedUsage;
    into[field] = safe(into[field] + u.amount, 'line usage');
  }

  const lines = [...groups.values()].map((g) => rateLine(g.plan, g.days, days, g.usage));
  const baseFee = sum(
    lines.map((l) => l.baseFee),
    'bill base fee',
  );
  const overageCharge = sum(
    lines.map((l) => l.overageCharge),
    'bill overage charge',
  );
  return {
    period,
    baseFee,
    overageCharge,
    total: safe(baseFee + overageCharge, 'bill total'),
    usage,
    unratedUsage,
    lines,
  };
}

/** First of each id: usage records are immutable facts, so a repeat is the same record. */
function uniqueById<T extends { id: string }>(items: T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}
