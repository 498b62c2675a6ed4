import type { AttemptContext } from './attempt';
import { RetriesExhausted, WaitTimedOut } from './errors';
import { retry, type RetryOptions } from './retry';

export interface WaitOptions extends Pick<
  RetryOptions,
  'factor' | 'maxDelayMs' | 'jitter' | 'signal' | 'attemptTimeoutMs'
> {
  /** How long to wait in all (ms); `Infinity` waits until the condition holds or the signal aborts. */
  deadlineMs: number;
  /** The pause between checks (default 100 ms); with `factor` it grows, up to `maxDelayMs`. */
  intervalMs?: number;
  /**
   * Whether an error a check throws means "not yet" (default: any). Any other fails the wait
   * at once, as it is.
   */
  retryIf?: (error: unknown, check: number) => boolean;
  /** Told before each pause; `error` is undefined when the check just said "not yet". */
  onRetry?: (check: number, error: unknown, delayMs: number) => void;
}

/** Thrown by a check that says "not yet"; never leaves `waitUntil`. */
class NotYet extends Error {}

/**
 * Checks `condition` until it gives a value other than `undefined` or `false`, and resolves
 * with that value. A check that throws counts as "not yet" unless `retryIf` says otherwise.
 * Past the deadline it throws `WaitTimedOut`, whose cause is the last error a check threw.
 */
export async function waitUntil<T>(
  condition: (ctx: AttemptContext) => T | undefined | false | Promise<T | undefined | false>,
  opts: WaitOptions,
): Promise<T> {
  const started = Date.now();
  let checks = 0;
  let lastError: unknown;
  try {
    return await retry(
      async (ctx) => {
        checks = ctx.attempt;
        const value = await condition(ctx);
        if (value === undefined || value === false) throw new NotYet();
        return value;
      },
      {
        deadlineMs: opts.deadlineMs,
        initialDelayMs: opts.intervalMs ?? 100,
        factor: opts.factor ?? 1,
        maxDelayMs: opts.maxDelayMs ?? Infinity,
        jitter: opts.jitter,
        signal: opts.signal,
        attemptTimeoutMs: opts.attemptTimeoutMs,
        retryIf: (err, check) => {
          if (err instanceof NotYet) return true;
          lastError = err;
          return opts.retryIf?.(err, check) ?? true;
        },
        onRetry: (check, err, delayMs) =>
          opts.onRetry?.(check, err instanceof NotYet ? undefined : err, delayMs),
      },
    );
  } catch (err) {
    if (err instanceof RetriesExhausted)
      throw new WaitTimedOut(checks, Date.now() - started, lastError);
    throw err;
  }
}
