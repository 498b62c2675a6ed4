import { billingApi } from '../../e2e/support/billing-api';
import { cpus } from 'node:os';
import { measureCpu } from './cpu-use';
import type { Endpoint } from './graphql';
import { ingest } from './ingest';
import { waitBillsSettled } from './settled-bills';
import { benchReads, load, sequential } from './reads';
import type { BenchOptions } from './options';
import type { StageResult } from './report';
import type { SettlementProgress } from './settlement-progress';
import type { RunningStack } from './stack-process';
import type { StackLog } from './stack-log';
import type { BenchMonth, ExpectedTotals } from './workload';

export interface StageContext {
  opts: BenchOptions;
  gatewayApi: Endpoint;
  settlementApi: Endpoint;
  adminToken: string;
  runTag: string;
  userIds: string[];
  month: BenchMonth;
  expected: ExpectedTotals;
  settlement: SettlementProgress;
  /** Messages on the usage topic before the first record (0 on a fresh stack). */
  publishedBefore: number;
  stack: RunningStack;
  log: StackLog;
}

/** Output still in the pipe when a measure ends belongs to it. */
const OUTPUT_GRACE_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const perSecond = (n: number, s: number) => Math.round(n / s);

/** Ingests records [from, to), waits until settlement applied them, then measures the reads. */
export async function runStage(ctx: StageContext, from: number, to: number): Promise<StageResult> {
  const { opts } = ctx;
  const stageLog = ctx.log.startWindow();
  const cores = cpus().length;
  const stageCpu = measureCpu(ctx.stack.cpuSeconds, cores);
  const users = ctx.userIds.length;
  const started = performance.now();
  const ingestSeconds = await ingest(
    billingApi(ctx.gatewayApi.url.replace(/\/graphql$/, ''), ctx.adminToken),
    {
      from,
      to,
      batch: opts.batch,
      inFlight: opts.inFlight,
      runTag: ctx.runTag,
      userIds: ctx.userIds,
      month: ctx.month,
      expected: ctx.expected,
    },
  );
  let said = 0;
  await ctx.settlement.waitApplied(
    ctx.publishedBefore + to,
    opts.settleStallSeconds * 1000,
    (p) => {
      if (performance.now() - said < 5_000) return;
      said = performance.now();
      const n = (x: number) => (x - ctx.publishedBefore).toLocaleString('en-US');
      const committed = Math.min(...Object.values(p.applied), p.published);
      console.log(
        `  settling: consumer committed ${n(committed)} of ${n(p.published)} usage events`,
      );
    },
  );
  const caughtUpSeconds = (performance.now() - started) / 1000;
  await waitBillsSettled(
    { ...ctx, period: ctx.month.period, stallMs: opts.settleStallSeconds * 1000 },
    (c) => console.log(`  bills: ${c.matching} of ${c.users} hold everything ingested`),
  );
  const settledSeconds = (performance.now() - started) / 1000;
  console.log(`  settled ${to.toLocaleString('en-US')} records; measuring reads`);

  const reads = benchReads({ ...ctx, period: ctx.month.period });
  const billGateway = await sequential(opts.reads, users, reads.billViaGateway);
  const billSettlement = await sequential(opts.reads, users, reads.billViaSettlement);
  const usagePage = await sequential(opts.reads, users, reads.usagePage);
  const usageSummary = await sequential(opts.reads, users, reads.usageSummary);

  console.log(`  ${opts.loadConnections} bill readers for ${opts.loadSeconds} s`);
  const before = await ctx.settlement.membership();
  const loadLog = ctx.log.startWindow();
  const loadCpu = measureCpu(ctx.stack.cpuSeconds, cores);
  const loaded = await load(opts.loadSeconds, opts.loadConnections, users, reads.billViaGateway);
  const cpuDuringLoad = loadCpu();
  await sleep(OUTPUT_GRACE_MS);
  const duringLoad = loadLog();
  const after = await ctx.settlement.membership();
  const rss = ctx.stack.rss();

  return {
    records: to,
    ingest: {
      records: to - from,
      seconds: round2(ingestSeconds),
      recordsPerSecond: perSecond(to - from, ingestSeconds),
    },
    settled: {
      seconds: round2(settledSeconds),
      recordsPerSecond: perSecond(to - from, settledSeconds),
      afterIngestSeconds: round2(settledSeconds - ingestSeconds),
      consumerCaughtUpSeconds: round2(caughtUpSeconds),
    },
    billRead: { gateway: billGateway, settlement: billSettlement },
    usagePage,
    usageSummary,
    load: {
      ...loaded,
      membersChanged: JSON.stringify(before) !== JSON.stringify(after),
      membership: { before, after },
      log: duringLoad,
      cpu: cpuDuringLoad,
    },
    log: stageLog(),
    cpu: stageCpu(),
    rss,
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** The progress line of a finished stage. */
export function stageLine(s: StageResult): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lat = (r: { p50: number; p99: number }) => `${r.p50}/${r.p99} ms`;
  const lost = s.load.log.signs.leaseLost;
  const rebalanced = s.load.membersChanged || s.load.log.signs.consumerRebalanced > 0;
  return (
    `stage ${n(s.records)}: ingest ${n(s.ingest.recordsPerSecond)} rec/s · settled in ${s.settled.seconds} s ` +
    `(${n(s.settled.recordsPerSecond)} rec/s) · bill p50/p99 gateway ${lat(s.billRead.gateway)}, settlement ` +
    `${lat(s.billRead.settlement)} · usage page ${lat(s.usagePage)} · summary ${lat(s.usageSummary)} · ` +
    `load ${s.load.readsPerSecond} reads/s ${lat(s.load)}, ${s.load.errors} errors · leases lost ${lost} · ` +
    `consumer ${rebalanced ? 'REBALANCED' : 'stable'} · other work on the machine: ` +
    `${Math.round((s.cpu.others / s.cpu.seconds) * 100)}% of a core`
  );
}
