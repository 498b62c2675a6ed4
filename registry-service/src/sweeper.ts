import type { Logger } from '@tally/service-kit';

/** Runs the eviction sweep every `seconds`; a sweep still running makes the next one skip. */
export function startSweeper(sweep: () => Promise<number>, seconds: number, logger: Logger) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch((err: unknown) => logger.warn({ err }, 'eviction sweep failed'))
      .finally(() => {
        running = false;
      });
  }, seconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
