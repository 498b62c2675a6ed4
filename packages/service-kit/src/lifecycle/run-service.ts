import { stopTracing } from '@tally/telemetry';
import type { Logger } from 'pino';

export interface Running {
  /** Stop taking work, finish what is in flight, close connections. */
  stop(): Promise<void>;
}

const STOP_DEADLINE_MS = 12_000;

/**
 * Runs a service's start function and owns its shutdown: SIGTERM/SIGINT stop it once,
 * a failed start or a stop that overruns its deadline exits non-zero.
 */
export function runService(
  name: string,
  start: () => Promise<{ running: Running; logger: Logger }>,
): void {
  let stopping = false;
  start()
    .then(({ running, logger }) => {
      const shutdown = (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        const deadline = setTimeout(() => {
          logger.error('stop overran its deadline; exiting');
          process.exit(1);
        }, STOP_DEADLINE_MS);
        // Then the spans still buffered go out (bounded), so a trace ends with its service.
        running
          .stop()
          .then(() => stopTracing())
          .then(
            () => {
              clearTimeout(deadline);
              logger.info('stopped');
              process.exit(0);
            },
            (err: unknown) => {
              logger.error({ err }, 'stop failed');
              process.exit(1);
            },
          );
      };
      process.on('SIGTERM', () => shutdown('SIGTERM'));
      process.on('SIGINT', () => shutdown('SIGINT'));
      // Started by the stack with --with-parent: our stdin is its pipe, closed when it dies.
      if (process.argv.includes('--with-parent')) {
        process.stdin.on('end', () => shutdown('parent gone')).resume();
      }
    })
    .catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${name}: failed to start: ${message}\n`);
      process.exit(1);
    });
}
