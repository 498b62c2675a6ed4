/** How the pauses between attempts grow. */
export interface Backoff {
  /** The pause after the first failed attempt (ms). */
  initialDelayMs: number;
  /** Each pause is the one before times this: 2 doubles it, 1 keeps an even interval. */
  factor: number;
  /** No pause is longer. */
  maxDelayMs: number;
  /**
   * The share of each pause taken off at random (0 to 1), so that clients which failed
   * together do not all try again together. Pauses only ever shorten, so a deadline worked
   * out without jitter still holds.
   */
  jitter: number;
}

/** setTimeout fires at once for anything longer (a 32-bit signed count of milliseconds). */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** The pause after the `attempt`-th failure (1-based). */
export function backoffDelay(attempt: number, backoff: Backoff, random = Math.random): number {
  const grown = backoff.initialDelayMs * backoff.factor ** (attempt - 1);
  const capped = Math.min(grown, backoff.maxDelayMs, LONGEST_TIMER_MS);
  return Math.round(capped * (1 - backoff.jitter * random()));
}
