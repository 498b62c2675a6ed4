import type { DemoUsage } from './demo-data';
import type { GatewayCall } from './gateway-client';
import { SeedAdjustmentsDocument, type SeedAdjustmentsQuery } from './generated/operations';
import { adjustmentPeriods, lateUsages, lateUserIndices } from './late-usage';
import { TIME_ZONE, type SeedOptions } from './options';
import { recordUsage, type RecordTotals } from './usage';
import type { SeededUser } from './users';
import { progressBar } from '@tally/cli-kit';
import { WaitTimedOut, waitUntil } from '@tally/retry';

type ShownBill = NonNullable<SeedAdjustmentsQuery['user']>;

/** A late record and the later bill that shows it as an adjustment for the closed month. */
export interface LateResult {
  record: DemoUsage;
  shown: ShownBill | null;
}

/** Records the late usage of the closed month for `opts.late` users; they are late now. */
export async function recordLate(
  call: GatewayCall,
  opts: SeedOptions,
  users: SeededUser[],
): Promise<{ records: DemoUsage[]; totals: RecordTotals }> {
  const picks = lateUserIndices(opts.users, opts.late, opts.period, TIME_ZONE).map((index) => ({
    index,
    userId: users[index]!.id,
  }));
  const records = lateUsages(opts.period, picks, TIME_ZONE);
  const totals = await recordUsage(call, opts, records, `late usage of ${opts.period}`);
  return { records, totals };
}

/** The later bill of the record's user holding an adjustment for `closed` that covers it. */
async function adjustedBill(
  call: GatewayCall,
  closed: string,
  record: DemoUsage,
): Promise<ShownBill | null> {
  for (const period of adjustmentPeriods(closed, new Date(), TIME_ZONE)) {
    const { user } = await call(SeedAdjustmentsDocument, { userId: record.userId, period });
    const adjustment = user?.bill.adjustments.find((a) => a.forPeriod === closed);
    if (user && adjustment && adjustment.usage.dataMb >= record.amount) return user;
  }
  return null;
}

/** Waits (with a deadline and a progress line) until settlement shows every late record. */
export async function waitAdjustments(
  call: GatewayCall,
  closed: string,
  records: DemoUsage[],
): Promise<LateResult[]> {
  const results: LateResult[] = records.map((record) => ({ record, shown: null }));
  const bar = progressBar(`adjustments for ${closed}`, records.length);
  await waitUntil(
    async () => {
      for (const r of results) r.shown ??= await adjustedBill(call, closed, r.record);
      const done = results.filter((r) => r.shown).length;
      bar.update(done);
      return done === results.length;
    },
    { deadlineMs: 90_000, intervalMs: 500, factor: 1.5, maxDelayMs: 3000, retryIf: () => false },
  ).catch((err: unknown) => {
    if (!(err instanceof WaitTimedOut)) throw err;
    const missing = results.filter((r) => !r.shown).length;
    console.log(
      `\nsettlement shows no adjustment yet for ${missing} of the late records after 90 s; ask for the users' bills again later`,
    );
  });
  if (results.every((r) => r.shown)) bar.finish();
  return results;
}
