import { runAttempt, type AttemptContext } from './attempt';
import { backoffDelay, type Backoff } from './backoff';
import { RetriesExhausted } from './errors';
import { pause } from './pause';

export interface RetryOptions extends Partial<Backoff> {
  /** The most attempts in all (default: no limit). */
  attempts?: number;
  /**
   * Milliseconds from the first attempt after which no attempt starts: a pause that would end
   * later is not begun, and the last failure is thrown as `RetriesExhausted`.
   */
  deadlineMs?: number;
  /** Aborting stops retrying at once (during an attempt or a pause) with the signal's reason. */
  signal?: AbortSignal;
  /** The deadline of one attempt; never past the overall deadline, but at least 100 ms. */
  attemptTimeoutMs?: number;
  /** Whether a failure may pass on another try (default: any). Any other is thrown as it is. */
  retryIf?: (error: unknown, attempt: number) => boolean;
  /** Told before each pause, e.g. for a progress line. */
  onRetry?: (attempt: number, error: unknown, delayMs: number) => void;
}

/** 200 ms doubling up to 10 s, without jitter. */
export const DEFAULT_BACKOFF: Backoff = {
  initialDelayMs: 200,
  factor: 2,
  maxDelayMs: 10_000,
  jitter: 0,
};

/** The shortest deadline an attempt gets, however close the overall deadline is. */
const MIN_ATTEMPT_MS = 100;

/**
 * Calls `fn` until it resolves, pausing between attempts with exponential backoff. Stops with
 * the failure itself when `retryIf` says it cannot pass, with `RetriesExhausted` (the last
 * failure as its cause) when the attempts are spent or the deadline is near, and with the
 * signal's reason when aborted.
 */
export async function retry<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  opts: RetryOptions = {},
): Promise<T> {
  const backoff: Backoff = {
    initialDelayMs: opts.initialDelayMs ?? DEFAULT_BACKOFF.initialDelayMs,
    factor: opts.factor ?? DEFAULT_BACKOFF.factor,
    maxDelayMs: opts.maxDelayMs ?? DEFAULT_BACKOFF.maxDelayMs,
    jitter: opts.jitter ?? DEFAULT_BACKOFF.jitter,
  };
  const deadline = Date.now() + (opts.deadlineMs ?? Infinity);
  const maxAttempts = opts.attempts ?? Infinity;
  for (let attempt = 1; ; attempt++) {
    opts.signal?.throwIfAborted();
    try {
      return await runAttempt(
        fn,
        attempt,
        attemptTimeout(opts.attemptTimeoutMs, deadline),
        opts.signal,
      );
    } catch (err) {
      if (opts.signal?.aborted) throw opts.signal.reason;
      if (opts.retryIf && !opts.retryIf(err, attempt)) throw err;
      if (attempt >= maxAttempts) throw new RetriesExhausted(attempt, 'attempts', err);
      const delayMs = backoffDelay(attempt, backoff);
      if (Date.now() + delayMs > deadline) throw new RetriesExhausted(attempt, 'deadline', err);
      opts.onRetry?.(attempt, err, delayMs);
      await pause(delayMs, opts.signal);
    }
  }
}

function attemptTimeout(timeoutMs: number | undefined, deadline: number): number | undefined {
  if (timeoutMs === undefined) return undefined;
  return Math.min(timeoutMs, Math.max(deadline - Date.now(), MIN_ATTEMPT_MS));
}
