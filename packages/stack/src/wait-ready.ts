import { WaitTimedOut, waitUntil } from '@tally/retry';

/** The process exited while we waited: waiting longer cannot help. */
class ProcessGone extends Error {}

/** What a failed check said: the network cause of a fetch failure, or the answer. */
const reasonOf = (err: unknown) =>
  err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);

/** Polls `url` until it answers 200, the deadline passes, or `gone()` says the process died. */
export async function waitReady(
  url: string,
  deadlineMs: number,
  gone: () => string | null,
): Promise<void> {
  try {
    await waitUntil(
      async ({ signal }) => {
        const died = gone();
        if (died) throw new ProcessGone(died);
        const res = await fetch(url, { signal });
        if (res.ok) return true;
        throw new Error(`${res.status} ${await res.text()}`);
      },
      {
        deadlineMs,
        intervalMs: 250,
        attemptTimeoutMs: 2000,
        retryIf: (err) => !(err instanceof ProcessGone),
      },
    );
  } catch (err) {
    if (!(err instanceof WaitTimedOut)) throw err;
    const last = err.cause === undefined ? 'no answer' : reasonOf(err.cause);
    throw new Error(`not ready after ${deadlineMs / 1000} s (${url}: ${last})`);
  }
}
