import { endOfPeriod, nextPeriod, periodOf, scheduledCloseOf } from '@tally/billing-time';
import { DomainError } from '@tally/errors';
import { waitUntil } from '@tally/retry';
import type { Logger } from 'pino';
import {
  deservesInvoice,
  freezeBill,
  openBillView,
  periodsToReview,
} from '../domain/closing/bill-view';
import { cutoffOf, type ClosingBook } from '../domain/closing/book';
import { frozenKey, invoiceNumber, LIST_CHUNK, type PeriodRecord } from '../domain/closing/ports';
import type { UserState } from '../domain/ports';
import { loadOpenInputs, type BillRequest } from './bill-of';
import type { SettlementDeps } from './deps';

export interface CloseOutcome {
  period: string;
  invoices: number;
  alreadyClosed: boolean;
}

export interface CloseDeps extends SettlementDeps {
  /** This instance, as lease owner. */
  owner: string;
  /** How long a close's lease lasts unless renewed (renewed at a third of it). */
  leaseMs: number;
  /** Users frozen per round. */
  chunkSize: number;
  /** Resolves once settlement has applied what its topics held (bounded by its own deadline). */
  caughtUp: () => Promise<void>;
  /** Publishes PeriodClosed. */
  announce: (record: PeriodRecord) => Promise<void>;
  logger: Logger;
}

/**
 * Closes periods (billing-rules.md, "Closing a period"): in order, each at most once however
 * many instances try at once (a lease per period; the others wait for its end), and resumable
 * after a crash with the same numbers: bills are frozen first (a frozen bill is written once),
 * then the sorted list of invoiced users is kept (once), then numbers follow the list.
 */
export function makeClosePeriod(deps: CloseDeps) {
  const log = deps.logger;

  /** closePeriod(period): closes every earlier open period first. */
  async function closeThrough(period: string, cutoffNow: boolean): Promise<CloseOutcome> {
    const now = deps.now();
    if (now < endOfPeriod(period, deps.timeZone))
      throw new DomainError(
        'BAD_USER_INPUT',
        `period ${period} has not ended: it may be closed from ${endOfPeriod(period, deps.timeZone).toISOString()}`,
      );
    let book = await deps.closingBook();
    if (book.closedThrough !== null && period <= book.closedThrough) {
      const record = await deps.periods.get(period);
      return { period, invoices: record?.invoices ?? 0, alreadyClosed: true };
    }
    let next = book.closedThrough ? nextPeriod(book.closedThrough) : await firstPeriod(period);
    let issued = 0;
    for (; next <= period; next = nextPeriod(next)) {
      // By hand: now, unless the schedule (when periods close on their own) passed earlier.
      const cutoff = cutoffNow ? minDate(now, cutoffOf(book, next)) : scheduled(book, next);
      issued = await closeOne(next, cutoff);
      book = await deps.closingBook();
    }
    return { period, invoices: issued, alreadyClosed: false };
  }

  /** The earliest period any user has usage or a subscription in (a first close starts there). */
  async function firstPeriod(atMost: string): Promise<string> {
    let first = atMost;
    for await (const user of deps.store.allUsers()) {
      for (const p of user.usagePeriods) if (p < first) first = p;
      for (const s of user.subscriptions) {
        const p = periodOf(s.effectiveAt, deps.timeZone);
        if (p < first) first = p;
      }
    }
    return first;
  }

  const scheduled = (book: ClosingBook, period: string) =>
    scheduledCloseOf(period, book.graceDays, deps.timeZone);

  /** One period, by whichever instance holds its lease; the number of invoices issued. */
  async function closeOne(period: string, cutoff: Date): Promise<number> {
    let record = await deps.periods.begin(period, cutoff);
    while (record.state !== 'closed') {
      const attempt = await deps.periods.lease(period, deps.owner, deps.leaseMs, false);
      if (attempt === null) {
        // Another instance closes it: wait for its end, or for its lease to lapse.
        record = await waitForOther(period);
        continue;
      }
      await withRenewedLease(period, () => runClose(record, attempt));
      record = (await deps.periods.get(period))!;
    }
    await announce(record);
    return record.invoices ?? 0;
  }

  /** Waits until the holder's close ends, or its lease lapses (a crashed or frozen holder). */
  async function waitForOther(period: string): Promise<PeriodRecord> {
    return waitUntil(
      async () => {
        const seen = (await deps.periods.get(period))!;
        const lapsed = !seen.leaseUntil || seen.leaseUntil <= deps.now();
        return (seen.state === 'closed' || lapsed) && seen;
      },
      { deadlineMs: Number.POSITIVE_INFINITY, intervalMs: 250, factor: 1.5, maxDelayMs: 2000 },
    );
  }

  async function withRenewedLease(period: string, work: () => Promise<void>) {
    let lost = false;
    const timer = setInterval(
      () => {
        deps.periods
          .lease(period, deps.owner, deps.leaseMs, true)
          .then((held) => (lost ||= held === null))
          .catch((err: Error) =>
            log.warn({ period, err: err.message }, 'close: lease renewal failed'),
          );
      },
      Math.max(1000, Math.floor(deps.leaseMs / 3)),
    );
    try {
      await work();
    } finally {
      clearInterval(timer);
      if (!lost) await deps.periods.release(period, deps.owner).catch(() => {});
    }
  }

  async function runClose(record: PeriodRecord, attempt: number) {
    const { period, cutoff } = record;
    const wait = cutoff.getTime() - deps.now().getTime();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await deps.caughtUp();
    const started = Date.now();
    log.info({ period, cutoff, attempt }, 'close: started');
    const list = record.list ?? (await freezeAll(period, attempt));
    for (let chunk = 0; chunk < list.chunks; chunk++) {
      const ids = await deps.periods.listChunk(period, list, chunk);
      await deps.invoices.number(
        ids.map((userId, i) => ({
          userId,
          period,
          number: invoiceNumber(period, chunk * LIST_CHUNK + i + 1),
        })),
      );
    }
    await deps.periods.finish(period, list.count, deps.now());
    log.info(
      { period, invoices: list.count, ms: Date.now() - started },
      `close: ${period} closed with ${list.count} invoices`,
    );
  }

  /** Freezes the bill of every user who gets an invoice; keeps their sorted list. */
  async function freezeAll(period: string, attempt: number) {
    const book = await deps.closingBook();
    const candidates: string[] = [];
    let usersSeen = 0;
    for await (const user of deps.store.allUsers()) {
      usersSeen++;
      if (isCandidate(user, period, deps.timeZone)) candidates.push(user.userId);
    }
    candidates.sort();
    const invoiced: string[] = [];
    let lastLog = Date.now();
    for (let i = 0; i < candidates.length; i += deps.chunkSize) {
      const requests: BillRequest[] = candidates
        .slice(i, i + deps.chunkSize)
        .map((userId) => ({ userId, period }));
      invoiced.push(...(await freezeChunk(requests, book)));
      const frozen = Math.min(i + deps.chunkSize, candidates.length);
      await deps.periods.progress(period, { usersSeen, frozen });
      if (Date.now() - lastLog > 5000 || frozen === candidates.length) {
        lastLog = Date.now();
        log.info(
          { period, frozen, candidates: candidates.length },
          `close: ${period} froze ${frozen}/${candidates.length} bills`,
        );
      }
    }
    invoiced.sort();
    return deps.periods.keepList(period, attempt, invoiced);
  }

  /** Freezes one chunk; the users who get an invoice (a bill frozen earlier stands as it is). */
  async function freezeChunk(requests: BillRequest[], book: ClosingBook): Promise<string[]> {
    const [earlier, inputs] = await Promise.all([
      deps.invoices.frozen(requests),
      loadOpenInputs(deps, requests, book),
    ]);
    const fresh = requests
      .filter((r) => !earlier.has(frozenKey(r)))
      .flatMap((r) => {
        const input = inputs.get(frozenKey(r))!;
        const view = openBillView(input);
        return deservesInvoice(view) ? [{ ...r, bill: freezeBill(input, view) }] : [];
      });
    await deps.invoices.freeze(fresh, book.cutoffs.get(requests[0]!.period)!);
    const kept = await deps.invoices.frozen(requests);
    await deps.store.markAccounted(
      [...kept.entries()].map(([key, bill]) => ({
        userId: key.slice(0, key.lastIndexOf('|')),
        accounted: bill.accounted,
      })),
    );
    return requests.filter((r) => kept.has(frozenKey(r))).map((r) => r.userId);
  }

  async function announce(record: PeriodRecord) {
    if (record.announced) return;
    await deps.announce(record);
    await deps.periods.markAnnounced(record.period);
  }

  return {
    closeThrough,
    /** Announces closes whose announcement a crash cut short. */
    async announcePending() {
      for (const record of await deps.periods.unannounced()) await announce(record);
    },
  };
}

/** A user a close must look at: a plan before the period's end, usage in it, or late usage owed. */
function isCandidate(user: UserState, period: string, timeZone: string): boolean {
  if (user.usagePeriods.includes(period)) return true;
  if (periodsToReview(user, period).length > 0) return true;
  const end = endOfPeriod(period, timeZone);
  return user.subscriptions.some((s) => s.effectiveAt < end);
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);

export type ClosePeriod = ReturnType<typeof makeClosePeriod>;
