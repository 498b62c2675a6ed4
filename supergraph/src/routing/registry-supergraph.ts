import type { SupergraphManager } from '@apollo/gateway';
import { waitUntil } from '@tally/retry';
import type { Logger } from 'pino';
import type { RegistryPoller } from './registry-poller';

/**
 * A supergraph manager fed by the registry. The first schema is awaited; later ones are
 * swapped in by Apollo Gateway, whose requests in flight finish on the schema they began with.
 */
export function registrySupergraph(opts: {
  poller: RegistryPoller;
  pollSeconds: number;
  logger: Logger;
  /** Told the id of each supergraph the gateway takes (the first, then each update). */
  onServed?: (supergraphId: string) => void;
}): SupergraphManager {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  return {
    async initialize({ update }) {
      // No deadline: a gateway without a supergraph has nothing to serve; it says so now and then.
      const first = await waitUntil(async () => (await opts.poller.poll()) ?? undefined, {
        deadlineMs: Infinity,
        intervalMs: opts.pollSeconds * 1000,
        onRetry: (check) => {
          if (check % 5 === 1) opts.logger.info('waiting for the registry to serve a supergraph');
        },
      });
      opts.logger.info({ supergraphId: first.id }, 'supergraph loaded');
      opts.onServed?.(first.id);
      const tick = async () => {
        const next = await opts.poller.poll();
        if (next) {
          try {
            update(next.sdl);
            opts.onServed?.(next.id);
            opts.logger.info({ supergraphId: next.id }, 'supergraph updated');
          } catch (err) {
            opts.logger.error(
              { err, supergraphId: next.id },
              'supergraph rejected; keeping the previous one',
            );
          }
        }
        if (!stopped) timer = setTimeout(() => void tick(), opts.pollSeconds * 1000);
      };
      timer = setTimeout(() => void tick(), opts.pollSeconds * 1000);
      return {
        supergraphSdl: first.sdl,
        cleanup: async () => {
          stopped = true;
          clearTimeout(timer);
        },
      };
    },
  };
}
