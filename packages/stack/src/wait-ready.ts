const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200, the deadline passes, or `gone()` says the process died. */
export async function waitReady(
  url: string,
  deadlineMs: number,
  gone: () => string | null,
): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    const died = gone();
    if (died) throw new Error(died);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last =
        err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err);
    }
    await sleep(250);
  }
  throw new Error(`not ready after ${deadlineMs / 1000} s (${url}: ${last})`);
}
