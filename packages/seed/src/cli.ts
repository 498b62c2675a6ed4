import { DEMO_PLANS, demoUsages, demoUser, type DemoUsage } from './demo-data';
import { GatewayError, gatewayClient, type GatewayCall } from './gateway-client';
import {
  SeedBillDocument,
  SeedCreatePlanDocument,
  SeedRecordUsagesDocument,
  SeedSignUpDocument,
  SeedSubscribeDocument,
  SeedUserByPhoneDocument,
  type SeedBillQuery,
} from './generated/operations';
import { USAGE, parseOptions, type SeedOptions } from './options';
import { inPool } from './pool';
import { apiToken, progressBar } from '@tally/cli-kit';
import { WaitTimedOut, waitUntil } from '@tally/retry';

// The stack's default billing time zone; the demo month is laid out in it.
const TIME_ZONE = 'Asia/Seoul';

async function createPlans(call: GatewayCall): Promise<void> {
  for (const plan of DEMO_PLANS) {
    await call(SeedCreatePlanDocument, { input: plan }).catch((err: unknown) => {
      if (!(err instanceof GatewayError && err.code === 'CONFLICT')) throw err; // seeded before: plans are immutable
    });
  }
  console.log(`plans: ${DEMO_PLANS.map((p) => p.id).join(', ')}`);
}

/** Signs users up (or finds them from an earlier run) and subscribes the new ones. */
async function createUsers(call: GatewayCall, opts: SeedOptions): Promise<string[]> {
  const ids: string[] = new Array(opts.users);
  const bar = progressBar('users', opts.users);
  await inPool([...Array(opts.users).keys()], opts.concurrency, async (index) => {
    const user = demoUser(index, opts.period, TIME_ZONE);
    try {
      const data = await call(SeedSignUpDocument, {
        input: { name: user.name, phone: user.phone },
      });
      ids[index] = data.signUp.id;
      for (const p of user.plans) {
        await call(SeedSubscribeDocument, { input: { userId: data.signUp.id, ...p } });
      }
    } catch (err) {
      if (!(err instanceof GatewayError && err.code === 'CONFLICT')) throw err;
      const found = await call(SeedUserByPhoneDocument, { phone: user.phone });
      if (!found.userByPhone) throw new Error(`phone ${user.phone} is taken, yet no user has it`);
      ids[index] = found.userByPhone.id;
    }
    bar.tick();
  });
  bar.finish();
  return ids;
}

async function recordUsage(call: GatewayCall, opts: SeedOptions, userIds: string[]) {
  const now = new Date();
  const all: DemoUsage[] = userIds.flatMap((id, index) =>
    demoUsages(
      demoUser(index, opts.period, TIME_ZONE),
      id,
      opts.recordsPerUser,
      opts.period,
      TIME_ZONE,
      now,
    ),
  );
  const batches = Array.from({ length: Math.ceil(all.length / opts.batchSize) }, (_, b) =>
    all.slice(b * opts.batchSize, (b + 1) * opts.batchSize),
  );
  const totals = { accepted: 0, duplicates: 0, rejected: 0 };
  const bar = progressBar('usage records', all.length);
  const started = Date.now();
  await inPool(batches, opts.concurrency, async (batch) => {
    const { recordUsages: r } = await call(SeedRecordUsagesDocument, { input: batch });
    totals.accepted += r.accepted;
    totals.duplicates += r.duplicates;
    totals.rejected += r.rejected.length;
    if (r.rejected[0]) console.warn(`\nrejected: ${r.rejected[0].message}`);
    bar.tick(batch.length);
  });
  bar.finish();
  const secs = (Date.now() - started) / 1000;
  console.log(
    `usage: ${totals.accepted} accepted, ${totals.duplicates} duplicates, ${totals.rejected} rejected in ${secs.toFixed(1)} s (${Math.round(all.length / secs)} records/s)`,
  );
}

/** Waits until settlement has applied every record of the shown users, then prints their bills. */
async function showBills(call: GatewayCall, opts: SeedOptions, userIds: string[]): Promise<void> {
  for (const id of userIds.slice(0, opts.show)) {
    let result: SeedBillQuery | undefined;
    // Past the deadline the bill is shown as far as it is settled.
    await waitUntil(
      async () => {
        result = await call(SeedBillDocument, { userId: id, period: opts.period });
        return !result.user || result.user.bill.eventsApplied >= opts.recordsPerUser;
      },
      { deadlineMs: 60_000, intervalMs: 500, retryIf: () => false },
    ).catch((err: unknown) => {
      if (!(err instanceof WaitTimedOut)) throw err;
    });
    if (!result?.user) continue;
    const { name, phone, bill } = result.user;
    console.log(
      `\n${name} (${phone}), ${opts.period}: total ${bill.total.toLocaleString('en-US')} won (${bill.eventsApplied} events)`,
    );
    console.log(
      `  usage: ${bill.usage.dataMb} MB, ${bill.usage.voiceSeconds} s voice, ${bill.usage.smsCount} SMS`,
    );
    for (const l of bill.lines)
      console.log(
        `  ${l.plan.id.padEnd(11)} ${String(l.days).padStart(2)} days  base ${l.baseFee}  overage ${l.overageCharge}`,
      );
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(USAGE);
  const opts = parseOptions(process.argv.slice(2));
  console.log(
    `seeding ${opts.gateway}: ${opts.users} users × ${opts.recordsPerUser} records in ${opts.period}`,
  );
  const call = gatewayClient(opts.gateway, await apiToken('admin'));
  await createPlans(call);
  const userIds = await createUsers(call, opts);
  await recordUsage(call, opts, userIds);
  await showBills(call, opts, userIds);
}

main().catch((err: unknown) => {
  console.error(`seed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
