import { DomainError } from '@tally/errors';

/** A billing period: a calendar month, "YYYY-MM". */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

/** Year and month of a period; BAD_USER_INPUT when it is not "YYYY-MM". */
export function parsePeriod(period: string): { year: number; month: number } {
  if (!isPeriod(period))
    throw new DomainError(
      'BAD_USER_INPUT',
      `period must be "YYYY-MM", e.g. "2026-11"; got ${JSON.stringify(period)}`,
    );
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

/** D: the number of days of the period's month. */
export function daysInPeriod(period: string): number {
  const { year, month } = parsePeriod(period);
  return calendarDate(year, month + 1, 0).day;
}

export function periodOfDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}`;
}

/**
 * The calendar date `day` days into a month, normalised (day 0 is the previous month's
 * last day, day 32 spills into the next month). setUTCFullYear, unlike Date.UTC, keeps
 * years 0-99 as they are.
 */
export function calendarDate(year: number, month: number, day: number): LocalDate {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Milliseconds of a wall-clock time read as if it were UTC. */
export function wallClockMs(date: LocalDate, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
