import { nextPeriod, periodOf, previousPeriod, scheduledCloseOf } from '@tally/billing-time';
import type { Logger } from 'pino';
import type { ClosePeriod } from './close-period';
import type { SettlementDeps } from './deps';

/**
 * Closes each period when its grace ends (with `billing.autoClose`), on every settlement
 * instance: a period's lease lets one of them do it while the others wait. On start it
 * catches up with every period that fell due meanwhile, and announces closes a crash left
 * unannounced. Between closes it sleeps until the next is due, looking again every `pollMs`.
 */
export function closeScheduler(
  deps: Pick<SettlementDeps, 'closingBook' | 'now' | 'timeZone'> & {
    close: ClosePeriod;
    pollMs: number;
    logger: Logger;
  },
) {
  let stopped = false;
  let wake: (() => void) | null = null;
  let loop: Promise<void> | null = null;

  /** Closes what is due; how long to wait before looking again. */
  async function step(): Promise<number> {
    const book = await deps.closingBook();
    if (!book.autoClose) return deps.pollMs;
    const now = deps.now();
    const scheduled = (p: string) => scheduledCloseOf(p, book.graceDays, deps.timeZone);
    let latestDue = periodOf(now, deps.timeZone);
    while (scheduled(latestDue) > now) latestDue = previousPeriod(latestDue);
    if (book.closedThrough === null || latestDue > book.closedThrough) {
      await deps.close.closeThrough(latestDue, false);
      return 0;
    }
    const untilNext = scheduled(nextPeriod(book.closedThrough)).getTime() - now.getTime();
    return Math.min(deps.pollMs, Math.max(0, untilNext));
  }

  async function run() {
    while (!stopped) {
      let waitMs = deps.pollMs;
      try {
        await deps.close.announcePending();
        waitMs = await step();
      } catch (err) {
        deps.logger.error(
          { err: (err as Error).message },
          'close: scheduled close failed; trying again',
        );
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  }

  return {
    async start() {
      loop = run();
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
