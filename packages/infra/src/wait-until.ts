const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface WaitOptions {
  /** Give up after this long. */
  deadlineMs: number;
  intervalMs?: number;
  /** Why waiting is pointless (e.g. the process exited), or null to go on. */
  gone?: () => string | null;
}

/**
 * Calls `probe` until it resolves, `gone()` reports a reason, or the deadline passes; the
 * error then carries the probe's last failure.
 */
export async function waitUntil(probe: () => Promise<void>, opts: WaitOptions): Promise<void> {
  const deadline = Date.now() + opts.deadlineMs;
  let last = 'no attempt';
  for (;;) {
    const died = opts.gone?.();
    if (died) throw new Error(died);
    try {
      await probe();
      return;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    if (Date.now() >= deadline) {
      throw new Error(
        `not ready after ${Math.round(opts.deadlineMs / 1000)} s (last error: ${last})`,
      );
    }
    await sleep(opts.intervalMs ?? 250);
  }
}
