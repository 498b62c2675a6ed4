import { progressBar } from '@tally/cli-kit';
import { BASIC_30, billingApi } from '../../e2e/support/billing-api';
import { inPool } from '../../packages/seed/src/pool';
import { usageItem, type BenchMonth, type ExpectedTotals } from './workload';

type BillingApi = ReturnType<typeof billingApi>;

/** BASIC-30 and `count` users subscribed to it from before the month; returns their ids. */
export async function seedUsers(
  api: BillingApi,
  count: number,
  month: BenchMonth,
): Promise<string[]> {
  await api.createPlan(BASIC_30);
  const ids: string[] = new Array<string>(count);
  const bar = progressBar('users', count);
  await inPool(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const phone = `010-${2000 + Math.floor(i / 10_000)}-${String(i % 10_000).padStart(4, '0')}`;
      const id = await api.signUp(`Bench ${i}`, phone);
      await api.subscribe(id, BASIC_30.id, month.planEffectiveAt.toISOString());
      ids[i] = id;
      bar.tick();
    },
  );
  bar.finish();
  return ids;
}

export interface IngestRun {
  from: number;
  to: number;
  batch: number;
  inFlight: number;
  runTag: string;
  userIds: string[];
  month: BenchMonth;
  expected: ExpectedTotals;
}

/**
 * Records [from, to) through the gateway in batches, `inFlight` calls at a time. Every record
 * must be accepted (a fresh stack has no duplicates); anything else throws. Returns seconds.
 */
export async function ingest(api: BillingApi, run: IngestRun): Promise<number> {
  const starts: number[] = [];
  for (let s = run.from; s < run.to; s += run.batch) starts.push(s);
  const bar = progressBar(`records ${run.from}..${run.to}`, run.to - run.from);
  const started = performance.now();
  await inPool(starts, run.inFlight, async (start) => {
    const end = Math.min(start + run.batch, run.to);
    const items = [];
    for (let i = start; i < end; i++) {
      const item = usageItem(i, run.runTag, run.userIds, run.month);
      run.expected.add(i, item);
      items.push(item);
    }
    const result = await api.recordUsages(items);
    if (result.accepted !== items.length) {
      const sample = JSON.stringify(result.rejected.slice(0, 3));
      throw new Error(
        `records ${start}..${end}: ${result.accepted} accepted, ${result.duplicates} duplicates, ${result.rejected.length} rejected (${sample})`,
      );
    }
    bar.tick(items.length);
  });
  bar.finish();
  return (performance.now() - started) / 1000;
}
