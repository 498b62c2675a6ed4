import {
  calendarDate,
  endOfPeriod,
  nextPeriod,
  parsePeriod,
  periodOf,
  startOfLocalDay,
} from '@tally/billing-time';
import { demoUser, planAt, type DemoUsage } from './demo-data';

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** closePeriod takes a period once it has ended (the start of the next month). */
export function hasEnded(period: string, now: Date, timeZone: string): boolean {
  return now.getTime() >= endOfPeriod(period, timeZone).getTime();
}

/**
 * When user `index`'s late record of `period` occurred: the 20th from 12:00 local (as
 * billing-rules.md's worked example 5), a minute apart per user, within ten hours.
 */
export function lateInstant(period: string, index: number, timeZone: string): Date {
  const { year, month } = parsePeriod(period);
  const day20 = startOfLocalDay(calendarDate(year, month, 20), timeZone);
  return new Date(day20.getTime() + 12 * HOUR_MS + (index % 600) * MINUTE_MS);
}

/**
 * The demo users (by index) who get a late record: first those whose plan limits data at
 * the late instant, so the late data is charged; then the others. Lowest index first.
 */
export function lateUserIndices(
  users: number,
  late: number,
  period: string,
  timeZone: string,
): number[] {
  const limited: number[] = [];
  const unlimited: number[] = [];
  for (let i = 0; i < users && limited.length < late; i++) {
    const plan = planAt(demoUser(i, period, timeZone), lateInstant(period, i, timeZone));
    (plan?.allowance.dataMb != null ? limited : unlimited).push(i);
  }
  return [...limited, ...unlimited].slice(0, late);
}

/**
 * One late DATA record per picked user (100 to 500 MB). Id and content follow from the period
 * and the user's index alone, so any rerun sends the very same record (a duplicate).
 */
export function lateUsages(
  period: string,
  picks: ReadonlyArray<{ index: number; userId: string }>,
  timeZone: string,
): DemoUsage[] {
  return picks.map(({ index, userId }) => ({
    id: `seed-late-${period}-${index}`,
    userId,
    type: 'DATA',
    amount: 100 * (1 + (index % 5)),
    occurredAt: lateInstant(period, index, timeZone).toISOString(),
  }));
}

/**
 * The bills that may carry an adjustment for late usage of `closed` recorded up to `now`:
 * the periods after it through now's, newest first (the late records' own month is now's,
 * unless an earlier run recorded them).
 */
export function adjustmentPeriods(closed: string, now: Date, timeZone: string): string[] {
  const current = periodOf(now, timeZone);
  const periods: string[] = [];
  for (let p = nextPeriod(closed); p <= current; p = nextPeriod(p)) periods.unshift(p);
  return periods;
}
