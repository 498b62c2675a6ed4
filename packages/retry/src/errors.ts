/** What a thrown value says: an Error's message, or the value itself as text. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}

/** Retrying stopped before an attempt succeeded: the attempts are spent or the deadline is near. */
export class RetriesExhausted extends Error {
  override name = 'RetriesExhausted';

  constructor(
    readonly attempts: number,
    readonly why: 'attempts' | 'deadline',
    /** The last attempt's failure. */
    override readonly cause: unknown,
  ) {
    super(`gave up after ${attempts} attempt(s): ${errorMessage(cause)}`, { cause });
  }
}

/** A condition did not hold before the deadline. */
export class WaitTimedOut extends Error {
  override name = 'WaitTimedOut';

  constructor(
    readonly checks: number,
    readonly waitedMs: number,
    /** What the last check that failed threw; undefined when every check just said "not yet". */
    override readonly cause: unknown,
  ) {
    const last = cause === undefined ? '' : `; last error: ${errorMessage(cause)}`;
    super(`condition not met after ${checks} check(s) in ${waitedMs} ms${last}`, { cause });
  }
}
