import {
  calendarDate,
  localDayOf,
  periodOfDate,
  periodRange,
  startOfLocalDay,
} from '@tally/billing-time';
import type { UsageItem } from '../../e2e/support/billing-api';

/**
 * The month the bench fills: the last full month, so a run on any day spreads its records over
 * 28–31 days as an operator's month does (the current month may be a day old, which would pile
 * a million records into a day or two per user).
 */
export interface BenchMonth {
  period: string;
  /** First instant of the period. */
  from: Date;
  /** Records fall in [from, until): the whole period. */
  until: Date;
  /** The plan's effectiveAt: the first instant of the month before, so it holds all month. */
  planEffectiveAt: Date;
}

export function benchMonth(now: Date, timeZone: string): BenchMonth {
  const today = localDayOf(now, timeZone);
  const first = calendarDate(today.year, today.month - 1, 1);
  const period = periodOfDate(first);
  const { from, to } = periodRange(period, timeZone);
  const planEffectiveAt = startOfLocalDay(calendarDate(first.year, first.month - 1, 1), timeZone);
  return { period, from, until: to, planEffectiveAt };
}

export interface UsageTotals {
  dataMb: number;
  voiceSeconds: number;
  smsCount: number;
  records: number;
}

const TYPES = ['DATA', 'VOICE', 'DATA', 'SMS', 'DATA', 'VOICE'] as const;
const GOLDEN = 0.6180339887498949;

/**
 * Record `i` of the run: user `i mod users`, its type and amount fixed by `i`, its instant
 * spread over the month by a low-discrepancy sequence (any prefix covers every day evenly).
 */
export function usageItem(
  i: number,
  runTag: string,
  userIds: string[],
  month: BenchMonth,
): UsageItem {
  const type = TYPES[i % TYPES.length]!;
  const amount = type === 'SMS' ? 1 : 1 + (i % 7) * (type === 'VOICE' ? 30 : 5);
  const span = month.until.getTime() - month.from.getTime();
  const at = month.from.getTime() + Math.floor(((i * GOLDEN) % 1) * span);
  return {
    id: `${runTag}-${i}`,
    userId: userIds[i % userIds.length]!,
    type,
    amount,
    occurredAt: new Date(at).toISOString(),
  };
}

/** What every user's month should add up to, as records are generated. */
export function expectedTotals(users: number) {
  const totals: UsageTotals[] = Array.from({ length: users }, () => ({
    dataMb: 0,
    voiceSeconds: 0,
    smsCount: 0,
    records: 0,
  }));
  return {
    add(i: number, item: UsageItem): void {
      const t = totals[i % users]!;
      t.records += 1;
      if (item.type === 'DATA') t.dataMb += item.amount;
      else if (item.type === 'VOICE') t.voiceSeconds += item.amount;
      else t.smsCount += item.amount;
    },
    of: (userIndex: number): UsageTotals => totals[userIndex]!,
  };
}

export type ExpectedTotals = ReturnType<typeof expectedTotals>;
