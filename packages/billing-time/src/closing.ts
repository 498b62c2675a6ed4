import { calendarDate, parsePeriod, periodOfDate } from './period';
import { localDayOf, startOfLocalDay } from './zoned-time';

/** The default `billing.graceDays`: late records of a month still count for 3 days. */
export const DEFAULT_GRACE_DAYS = 3;

/**
 * When period `P` closes on its own: the start of day `graceDays + 1` of the next month in
 * the billing time zone (2026-10 with 3 grace days closes at 2026-11-04T00:00 local).
 */
export function scheduledCloseOf(period: string, graceDays: number, timeZone: string): Date {
  const { year, month } = parsePeriod(period);
  return startOfLocalDay(calendarDate(year, month + 1, graceDays + 1), timeZone);
}

/** The instant the period ends (the start of the next month): it may be closed from then on. */
export function endOfPeriod(period: string, timeZone: string): Date {
  return scheduledCloseOf(period, 0, timeZone);
}

/** The period holding an instant, in the billing time zone. */
export function periodOf(instant: Date | string, timeZone: string): string {
  return periodOfDate(localDayOf(instant, timeZone));
}

/** The period after `period`. */
export function nextPeriod(period: string): string {
  const { year, month } = parsePeriod(period);
  return periodOfDate(calendarDate(year, month + 1, 1));
}

/** The period before `period`. */
export function previousPeriod(period: string): string {
  const { year, month } = parsePeriod(period);
  return periodOfDate(calendarDate(year, month - 1, 1));
}
