import { daysInPeriod, periodOfDate, type LocalDate } from './period';
import { localDayOf } from './zoned-time';

/** A calendar day in the billing time zone, "YYYY-MM-DD": the key of a day's stored usage. */
export type Day = string;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function formatDay(date: LocalDate): Day {
  return `${periodOfDate(date)}-${String(date.day).padStart(2, '0')}`;
}

export function parseDay(day: Day): LocalDate {
  const m = DAY.exec(day);
  if (!m) throw new Error(`not a day "YYYY-MM-DD": ${day}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The day an instant falls on in `timeZone`. */
export function dayOf(instant: Date | string, timeZone: string): Day {
  return formatDay(localDayOf(instant, timeZone));
}

/** Every day of a period "YYYY-MM", in order; BAD_USER_INPUT for a malformed period. */
export function daysOfPeriod(period: string): Day[] {
  return Array.from(
    { length: daysInPeriod(period) },
    (_, i) => `${period}-${String(i + 1).padStart(2, '0')}`,
  );
}
