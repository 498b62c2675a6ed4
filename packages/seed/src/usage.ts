import type { DemoUsage } from './demo-data';
import type { GatewayCall } from './gateway-client';
import { SeedRecordUsagesDocument } from './generated/operations';
import type { SeedOptions } from './options';
import { inPool } from './pool';
import { progressBar } from '@tally/cli-kit';

export interface RecordTotals {
  accepted: number;
  duplicates: number;
  rejected: number;
}

/** Records `all` in batches through the gateway; prints a progress bar and a `label:` line. */
export async function recordUsage(
  call: GatewayCall,
  opts: Pick<SeedOptions, 'batchSize' | 'concurrency'>,
  all: DemoUsage[],
  label: string,
): Promise<RecordTotals> {
  const batches = Array.from({ length: Math.ceil(all.length / opts.batchSize) }, (_, b) =>
    all.slice(b * opts.batchSize, (b + 1) * opts.batchSize),
  );
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const bar = progressBar(label, all.length);
  const started = Date.now();
  await inPool(batches, opts.concurrency, async (batch) => {
    const { recordUsages: r } = await call(SeedRecordUsagesDocument, { input: batch });
    totals.accepted += r.accepted;
    totals.duplicates += r.duplicates;
    totals.rejected += r.rejected.length;
    if (r.rejected[0]) console.warn(`\n${label} rejected: ${r.rejected[0].message}`);
    bar.tick(batch.length);
  });
  bar.finish();
  const secs = (Date.now() - started) / 1000;
  console.log(
    `${label}: ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.rejected} rejected in ${secs.toFixed(1)} s (${Math.round(all.length / secs)} records/s)`,
  );
  return totals;
}
