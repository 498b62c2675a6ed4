import type { MessageBus } from '@tally/messaging';
import { waitUntil } from '@tally/retry';
import type { Logger } from 'pino';

/**
 * Resolves once the settlement consumer group has applied everything its topics held when
 * asked (committed offsets at or past each partition's end), so a close freezes bills with
 * every event published before its cutoff. Past `deadlineMs` it goes on with a warning: what
 * arrives later is not lost, it reaches the next bill as an adjustment.
 */
export function consumerCaughtUp(opts: {
  bus: MessageBus;
  groupId: string;
  topics: string[];
  deadlineMs: number;
  logger: Logger;
}) {
  return async (): Promise<void> => {
    const admin = opts.bus.admin();
    try {
      const ends = await Promise.all(
        opts.topics.map(async (topic) => ({ topic, ranges: await admin.partitionRanges(topic) })),
      );
      await waitUntil(
        async () => {
          for (const { topic, ranges } of ends) {
            const committed = new Map(
              (await admin.committedOffsets(opts.groupId, topic)).map((p) => [
                p.partition,
                BigInt(p.offset),
              ]),
            );
            for (const r of ranges) {
              if (BigInt(r.high) <= BigInt(r.low)) continue;
              if ((committed.get(r.partition) ?? -1n) < BigInt(r.high)) return false;
            }
          }
          return true;
        },
        { deadlineMs: opts.deadlineMs, intervalMs: 200, factor: 1.5, maxDelayMs: 2000 },
      ).catch((err: Error) =>
        opts.logger.warn(
          { err: err.message },
          'close: settlement has not caught up with its topics; closing anyway (later events become adjustments)',
        ),
      );
    } finally {
      await admin.close();
    }
  };
}
