import { calendarDate, compareDates, parsePeriod, wallClockMs, type LocalDate } from './period';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at an instant (to the second). */
function wallClockAt(ms: number, timeZone: string): { date: LocalDate; ms: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(ms))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const date = { year: parts.year ?? NaN, month: parts.month ?? NaN, day: parts.day ?? NaN };
  return { date, ms: wallClockMs(date, parts.hour, parts.minute, parts.second) };
}

/** The zone's UTC offset in ms at an instant. */
function offsetAt(ms: number, timeZone: string): number {
  return wallClockAt(ms, timeZone).ms - Math.floor(ms / 1000) * 1000;
}

/** The calendar date in `timeZone` of an instant. */
export function localDayOf(instant: Date | string, timeZone: string): LocalDate {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${String(instant)}`);
  return wallClockAt(ms, timeZone).date;
}

/** The first instant of a calendar date in `timeZone` (its local midnight, or the end of a DST gap). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wall = wallClockMs(date);
  // Converges in one or two steps unless midnight falls in a DST gap; then it oscillates.
  let t = wall - offsetAt(wall, timeZone);
  for (let i = 0; i < 3; i++) {
    const next = wall - offsetAt(t, timeZone);
    if (next === t) break;
    t = next;
  }
  if (wallClockAt(t, timeZone).ms === wall) return new Date(t);
  // Midnight does not exist that day: the day starts at the transition, found to the second.
  let lo = Math.floor((t - 3 * 3600_000) / 1000);
  let hi = Math.ceil((t + 3 * 3600_000) / 1000);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (compareDates(wallClockAt(mid * 1000, timeZone).date, date) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return new Date(lo * 1000);
}

/** The instant day `day` of the period ends (= the next day starts) in `timeZone`. */
export function endOfLocalDay(period: string, day: number, timeZone: string): Date {
  const { year, month } = parsePeriod(period);
  return startOfLocalDay(calendarDate(year, month, day + 1), timeZone);
}

/** A period as its half-open range of instants [from, to) in `timeZone`. */
export function periodRange(period: string, timeZone: string): { from: Date; to: Date } {
  const { year, month } = parsePeriod(period);
  return {
    from: startOfLocalDay(calendarDate(year, month, 1), timeZone),
    to: startOfLocalDay(calendarDate(year, month + 1, 1), timeZone),
  };
}
