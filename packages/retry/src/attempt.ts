export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** Aborts when the attempt times out or the caller's signal aborts: hand it to fetch and the like. */
  signal: AbortSignal;
}

/**
 * Runs one attempt under its own signal. When that signal aborts (the attempt's timeout, or
 * the caller's signal) the attempt fails with the signal's reason at once, whether or not the
 * attempt itself heeds the signal.
 */
export async function runAttempt<T>(
  fn: (ctx: AttemptContext) => Promise<T>,
  attempt: number,
  timeoutMs: number | undefined,
  outer: AbortSignal | undefined,
): Promise<T> {
  const controller = new AbortController();
  const { signal } = controller;
  const onOuterAbort = () => controller.abort(outer!.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(timeoutError(timeoutMs)), timeoutMs);
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason as Error);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([fn({ attempt, signal }), aborted]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
    signal.removeEventListener('abort', onAbort!);
  }
}

/** The error AbortSignal.timeout gives, so callers see one kind of timeout whichever fired. */
function timeoutError(ms: number): DOMException {
  return new DOMException(`The operation timed out after ${ms} ms`, 'TimeoutError');
}
