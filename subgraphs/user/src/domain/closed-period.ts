import { nextPeriod, periodOf, previousPeriod, scheduledCloseOf } from '@tally/billing-time';
import { DomainError } from '@tally/errors';

/** How periods close (billing-rules.md, "Closing a period"): settlement's billing settings. */
export interface ClosingSchedule {
  timeZone: string;
  graceDays: number;
  /** billing.autoClose: false, only `closePeriod` (so only `PeriodClosed`) closes a period. */
  autoClose: boolean;
}

/** What is known of closing: the clock, and the periods a `PeriodClosed` event closed. */
export interface KnownClosing {
  now: Date;
  /** Only the periods `periodsToAsk` names need be here. */
  byEvent: ReadonlySet<string>;
}

/** At most this many periods are asked about for one subscription (a year). */
const MAX_ASKED = 12;

/** Closed by the schedule alone: periods close on their own and `now` reached the close. */
export function isClosedBySchedule(period: string, now: Date, schedule: ClosingSchedule): boolean {
  if (!schedule.autoClose) return false;
  const close = scheduledCloseOf(period, schedule.graceDays, schedule.timeZone);
  return now.getTime() >= close.getTime();
}

/** "YYYY-MM" strings order as the periods do. */
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The first period after `period` the schedule has not closed: the next one or, when periods
 * close on their own, at the earliest now's or (in its grace days) the one before.
 */
function firstCandidateAfter(period: string, now: Date, schedule: ClosingSchedule): string {
  const next = nextPeriod(period);
  if (!schedule.autoClose) return next;
  let open = periodOf(now, schedule.timeZone);
  while (!isClosedBySchedule(previousPeriod(open), now, schedule)) open = previousPeriod(open);
  return later(next, open);
}

/**
 * The periods whose closing by event decides a subscription taking effect at `effectiveAt`:
 * its own unless the schedule closed it, then the later ones the schedule leaves open up to
 * now's (only an ended period can be closed), to name the first open one in a refusal. One or
 * two when periods close on schedule; at most a year's.
 */
export function periodsToAsk(effectiveAt: Date, now: Date, schedule: ClosingSchedule): string[] {
  const own = periodOf(effectiveAt, schedule.timeZone);
  const last = later(own, periodOf(now, schedule.timeZone));
  const periods = isClosedBySchedule(own, now, schedule) ? [] : [own];
  let p = firstCandidateAfter(own, now, schedule);
  for (; p <= last && periods.length < MAX_ASKED; p = nextPeriod(p)) periods.push(p);
  return periods;
}

/**
 * A subscription whose `effectiveAt` falls in a closed period is refused with CONFLICT
 * (billing-rules.md): closed once `now` reaches its scheduled close (when periods close on
 * their own), or when settlement said so with `PeriodClosed`. The refusal names the period and
 * the first one still open, when the periods asked about tell it. Null when the period is open.
 */
export function closedPeriodConflict(
  effectiveAt: Date,
  closed: KnownClosing,
  schedule: ClosingSchedule,
): DomainError | null {
  const { now, byEvent } = closed;
  const period = periodOf(effectiveAt, schedule.timeZone);
  if (!byEvent.has(period) && !isClosedBySchedule(period, now, schedule)) return null;
  let open = firstCandidateAfter(period, now, schedule);
  while (byEvent.has(open)) open = nextPeriod(open);
  const asked = periodsToAsk(effectiveAt, now, schedule);
  const known = asked.includes(open) || open > later(period, periodOf(now, schedule.timeZone));
  const from = known ? `: a subscription can take effect from ${open} on` : '';
  return new DomainError('CONFLICT', `period ${period} is closed${from}`);
}
