import type { BusAdmin } from '@tally/messaging';
import type { Logger } from '@tally/service-kit';
import { messageOf, withDeadline } from './deadline';
import { bucketsSince, quantile, type Buckets } from './histogram';
import { endOffsetSum, groupLag, topicRanges } from './kafka-source';
import type { ChartSample, OpsCharts } from './ops-types';
import { createRing } from './ring-buffer';

export const SAMPLE_SECONDS = 5;
export const WINDOW_SECONDS = 15 * 60;

export interface SamplerSources {
  admin: BusAdmin;
  usageTopic: string;
  settlementGroup: string;
  /** The topics settlement consumes. */
  settlementTopics: readonly string[];
  billReadBuckets(): Promise<Buckets>;
  logger?: Logger;
  now?: () => Date;
}

const ms = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 10000) / 10);

/**
 * Reads the charts' figures every 5 s into a 15-minute ring (memory only: a restart starts
 * the charts again). A figure whose source is down is null at that point (a gap in the line).
 */
export function createSampler(sources: SamplerSources) {
  const now = sources.now ?? (() => new Date());
  const ring = createRing<ChartSample>(WINDOW_SECONDS / SAMPLE_SECONDS);
  let last: { at: number; usageEnd?: number; bills?: Buckets } = { at: now().getTime() };
  let running: Promise<void> | undefined;
  const failed = new Set<string>();

  async function read<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await withDeadline(what, work());
      failed.delete(what);
      return value;
    } catch (err) {
      // Said once per outage, not every 5 s.
      if (!failed.has(what)) sources.logger?.warn({ err: messageOf(err) }, `ops: ${what} down`);
      failed.add(what);
      return undefined;
    }
  }

  async function sample(): Promise<void> {
    const at = now().getTime();
    const [usageEnd, lag, bills] = await Promise.all([
      read('the usage topic', async () =>
        endOffsetSum(
          (await topicRanges(sources.admin, [sources.usageTopic])).get(sources.usageTopic) ?? [],
        ),
      ),
      read("settlement's consumer group", async () => {
        const ranges = await topicRanges(sources.admin, sources.settlementTopics);
        const partitions = await groupLag(sources.admin, sources.settlementGroup, ranges);
        return partitions.reduce((n, p) => n + p.lag, 0);
      }),
      read("the gateway's metrics", sources.billReadBuckets),
    ]);
    const seconds = (at - last.at) / 1000;
    const ingest =
      usageEnd !== undefined && last.usageEnd !== undefined && seconds > 0
        ? Math.max(0, usageEnd - last.usageEnd) / seconds
        : null;
    const delta = bills && last.bills ? bucketsSince(bills, last.bills) : undefined;
    ring.push({
      at: new Date(at).toISOString(),
      ingestPerSecond: ingest === null ? null : Math.round(ingest * 10) / 10,
      settlementLag: lag ?? null,
      billReadP50Ms: delta ? ms(quantile(delta, 0.5)) : null,
      billReadP95Ms: delta ? ms(quantile(delta, 0.95)) : null,
    });
    last = { at, usageEnd, bills };
  }

  /** One sample now (unless one is still being read). */
  const tick = (): Promise<void> => (running ??= sample().finally(() => (running = undefined)));
  let timer: NodeJS.Timeout | undefined;

  return {
    tick,
    start(): void {
      void tick();
      timer = setInterval(() => void tick(), SAMPLE_SECONDS * 1000);
      timer.unref();
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
    charts: (): OpsCharts => ({
      at: now().toISOString(),
      intervalSeconds: SAMPLE_SECONDS,
      windowSeconds: WINDOW_SECONDS,
      samples: ring.toArray(),
    }),
  };
}

export type Sampler = ReturnType<typeof createSampler>;
