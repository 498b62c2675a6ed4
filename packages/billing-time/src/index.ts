export {
  PERIOD_PATTERN,
  calendarDate,
  compareDates,
  daysInPeriod,
  isPeriod,
  parsePeriod,
  periodOfDate,
  type LocalDate,
} from './period';
export { endOfLocalDay, localDayOf, periodRange, startOfLocalDay } from './zoned-time';
export { dayOf, daysOfPeriod, formatDay, parseDay, type Day } from './days';
export {
  DEFAULT_GRACE_DAYS,
  endOfPeriod,
  nextPeriod,
  periodOf,
  previousPeriod,
  scheduledCloseOf,
} from './closing';
