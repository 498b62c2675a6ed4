const pad = (n: number) => String(n).padStart(2, '0');

/** "YYYY-MM" of `date` in the browser's time zone (a bill period, as <input type="month">). */
export function periodOf(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** The month before `date`'s ("YYYY-MM", browser time zone): the period that ended last. */
export function previousPeriodOf(date: Date): string {
  return periodOf(new Date(date.getFullYear(), date.getMonth() - 1, 1));
}

/** `date` as an <input type="datetime-local"> value (browser time zone, minutes). */
export function toLocalInput(date: Date): string {
  return `${periodOf(date)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An <input type="datetime-local"> value (browser time zone) as an ISO instant, or null. */
export function localInputToIso(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const DATE_TIME = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant in the browser's time zone: 2026-10-05, 10:00. */
export const formatDateTime = (iso: string): string => DATE_TIME.format(new Date(iso));

/** The browser's time zone name, to say in which zone times are entered and shown. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
