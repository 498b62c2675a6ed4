import type { Backoff } from '@tally/retry';

/**
 * Marks an event that can never be applied, however often it is tried (our code decides;
 * the consumer then sets it aside in the dead-letter topic).
 */
export class PermanentError extends Error {
  override name = 'PermanentError';
  readonly permanent = true;
}

/**
 * Whether applying an event may succeed on another try. Only a `PermanentError` says no:
 * database, broker, network and timeout failures, and errors nobody foresaw, are retried
 * with backoff and never dead-lettered. Names and flags of driver errors are not trusted:
 * a `MongoBulkWriteError` from a stepdown or a write-concern failure looks permanent by name,
 * and dead-lettering it would drop valid usage from a bill.
 */
export function isRetriable(err: unknown): boolean {
  return !(err instanceof PermanentError);
}

/**
 * Pauses between attempts to apply a batch: 200 ms doubling to 10 s, less up to a fifth at
 * random so partitions failing together do not all try again together.
 */
export const APPLY_BACKOFF = {
  initialDelayMs: 200,
  factor: 2,
  maxDelayMs: 10_000,
  jitter: 0.2,
} as const satisfies Backoff;
