import { periodOf, scheduledCloseOf } from '@tally/billing-time';

/** Which periods are closed, as every bill and every close sees it. */
export interface ClosingBook {
  timeZone: string;
  graceDays: number;
  /** Periods close on their schedule (else only by closePeriod). */
  autoClose: boolean;
  /** The latest period whose invoices are issued; every earlier period counts as closed too. */
  closedThrough: string | null;
  /** Cutoffs of the periods closed or being closed; any other period's is its schedule. */
  cutoffs: ReadonlyMap<string, Date>;
}

/** A frozen period: its bills are invoices and never change again. */
export const isFrozen = (book: ClosingBook, period: string) =>
  book.closedThrough !== null && period <= book.closedThrough;

/** Usage recorded from this instant on is late for the period. */
export function cutoffOf(book: ClosingBook, period: string): Date {
  const set = book.cutoffs.get(period);
  if (set) return set;
  if (isFrozen(book, period) || book.autoClose)
    return scheduledCloseOf(period, book.graceDays, book.timeZone);
  return NEVER;
}

const NEVER = new Date(8.64e15);

/**
 * The bill a usage record of `period` counts on: its own when recorded before the period's
 * cutoff, else (late usage) the bill of the period that holds its `recordedAt`. If that bill
 * is frozen by the time the record is applied, the next open bill's adjustment takes it (see
 * bill-view.ts), which is billing-rules.md's "the first open period after it".
 */
export function attributedPeriod(book: ClosingBook, period: string, recordedAt: Date): string {
  if (recordedAt < cutoffOf(book, period)) return period;
  const recorded = periodOf(recordedAt, book.timeZone);
  return recorded > period ? recorded : period;
}
