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

/** Backoff for the n-th retry (1-based): 200 ms doubling to 10 s. */
export function backoffMs(attempt: number): number {
  return Math.min(200 * 2 ** (attempt - 1), 10_000);
}
