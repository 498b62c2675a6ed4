import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CpuUse } from './cpu-use';
import type { Rss } from './processes';
import type { LoadResult, SequentialResult } from './reads';
import type { LogCounts } from './stack-log';
import type { GitState, Machine } from './machine';
import type { Membership } from './settlement-progress';

export interface StageResult {
  /** Records stored once this stage is done (cumulative). */
  records: number;
  ingest: { records: number; seconds: number; recordsPerSecond: number };
  /**
   * From the stage's first ingest call until every user's bill, read from settlement, held
   * exactly the usage ingested. `consumerCaughtUpSeconds`: until settlement's consumer group
   * had committed all it was sent (an outbox that publishes twice makes that come early).
   */
  settled: {
    seconds: number;
    recordsPerSecond: number;
    afterIngestSeconds: number;
    consumerCaughtUpSeconds: number;
  };
  billRead: { gateway: SequentialResult; settlement: SequentialResult };
  usagePage: SequentialResult;
  usageSummary: SequentialResult;
  load: LoadResult & {
    /** Settlement group members before and after the load; a changed member id = evicted. */
    membersChanged: boolean;
    membership: { before: Membership; after: Membership };
    /** The stack's output during the load. */
    log: LogCounts;
    cpu: CpuUse;
  };
  /** The stack's output during the whole stage (ingest, settling, reads, load). */
  log: LogCounts;
  /** CPU seconds per process over the whole stage. */
  cpu: CpuUse;
  /** Per process, after the load. */
  rss: Record<string, Rss>;
}

/** What every bench on a fresh stack records about its run, beside its own figures. */
export interface BenchRun {
  bench: string;
  at: string;
  finishedAt: string;
  machine: Machine;
  git: GitState | null;
  /** The tree whose dist/ ran, when not this repository. */
  root: string;
  config: Record<string, unknown>;
  period: string;
  setup: { users: number; seconds: number };
  /** Why the stack exited before it was up, when it had to be started again. */
  stackStartFailures: string[];
  failures: string[];
  profiles?: string;
}

export interface ScaleRun extends BenchRun {
  bench: 'scale';
  stages: StageResult[];
}

/** A latency in ms: whole from 100 up, else to a tenth; '–' when there was none. */
export const ms = (n: number) =>
  Number.isNaN(n) ? '–' : n >= 100 ? String(Math.round(n)) : n.toFixed(1);
const pair = (r: { p50: number; p99: number }) => `${ms(r.p50)} / ${ms(r.p99)}`;
const count = (n: number) => n.toLocaleString('en-US');
const PROCESSES = [
  'gateway',
  'user',
  'usage',
  'settlement',
  'registry',
  'config',
  'web',
  'mongo',
  'kafka',
  'connect',
];

/** The README's table: one row per stage; latencies in ms as p50 / p99. */
export function markdownTable(run: ScaleRun): string {
  const head = [
    'records',
    'ingest rec/s',
    'settled s (rec/s)',
    'bill via gateway',
    'bill via settlement',
    'usage page (50)',
    'usage summary',
    `load ${run.config.loadConnections as number} conn: reads/s`,
    'load p50 / p99',
    'load errors',
    'leases lost',
    'consumer rebalanced',
  ];
  const rows = run.stages.map((s) => [
    count(s.records),
    count(s.ingest.recordsPerSecond),
    `${s.settled.seconds.toFixed(1)} (${count(s.settled.recordsPerSecond)})`,
    pair(s.billRead.gateway),
    pair(s.billRead.settlement),
    pair(s.usagePage),
    pair(s.usageSummary),
    ms(s.load.readsPerSecond),
    pair(s.load),
    count(s.load.errors),
    count(s.load.log.signs.leaseLost),
    s.load.membersChanged || s.load.log.signs.consumerRebalanced > 0
      ? `yes (${s.load.log.signs.consumerRebalanced} lines)`
      : 'no',
  ]);
  const present = PROCESSES.filter((p) => run.stages.some((s) => s.rss[p]));
  const rssHead = ['records', ...present.map((p) => `${p} MB`)];
  const rssRows = run.stages.map((s) => [
    count(s.records),
    ...present.map((p) => (s.rss[p] ? `${s.rss[p].rssMb} (peak ${s.rss[p].peakMb})` : '–')),
  ]);
  const cpuHead = ['records', ...present, 'bench', 'others'];
  const cpuRows = run.stages.map((s) => {
    const { perProcess, seconds, others } = s.load.cpu;
    const pct = (v: number | undefined) =>
      v === undefined ? '–' : `${Math.round((v / seconds) * 100)}`;
    return [
      count(s.records),
      ...present.map((p) => pct(perProcess[p])),
      pct(perProcess.bench),
      pct(others),
    ];
  });
  return [
    `${runHeading('Scale', run)}; ${count(run.setup.users)} users, one month, ` +
      `batches of ${run.config.batch as number}, ${run.config.inFlight as number} in flight` +
      `${run.config.profile ? ', under the CPU profiler' : ''}. Latencies in ms, p50 / p99.`,
    '',
    table(head, rows),
    '',
    'Resident memory after the load, MB (peak since start):',
    '',
    table(rssHead, rssRows),
    '',
    `CPU during the load, % of one core (${run.machine.cores} cores = ${run.machine.cores * 100}%; "others": work outside the stack sharing the machine):`,
    '',
    table(cpuHead, cpuRows),
    ...(run.failures.length ? ['', `Failures: ${run.failures.join('; ')}`] : []),
    '',
  ].join('\n');
}

/** A markdown table. */
export function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A README table's opening: which bench, when, at which commit, on what machine. */
export function runHeading(title: string, run: BenchRun): string {
  const { git, machine: m } = run;
  return (
    `${title} bench (\`npm run bench:${run.bench}\`), ${run.at.slice(0, 10)}, commit ${git?.commit.slice(0, 7) ?? '?'}${git?.dirty ? ' (+ local changes)' : ''}: ` +
    `${m.cores} cores, ${m.memoryGb} GB, node ${m.node}`
  );
}

/** One line for history.jsonl: the figures, without the per-line detail. */
export function historyLine(run: ScaleRun): Record<string, unknown> {
  return {
    at: run.at,
    bench: 'scale',
    commit: run.git?.commit ?? null,
    dirty: run.git?.dirty ?? null,
    users: run.setup.users,
    batch: run.config.batch,
    concurrency: run.config.inFlight,
    profiled: run.config.profile,
    stages: run.stages.map((s) => ({
      records: s.records,
      ingestRecordsPerSecond: s.ingest.recordsPerSecond,
      settledSeconds: s.settled.seconds,
      settledRecordsPerSecond: s.settled.recordsPerSecond,
      billP50Gateway: s.billRead.gateway.p50,
      billP99Gateway: s.billRead.gateway.p99,
      billP50Settlement: s.billRead.settlement.p50,
      billP99Settlement: s.billRead.settlement.p99,
      usagePageP50: s.usagePage.p50,
      usageSummaryP50: s.usageSummary.p50,
      loadReadsPerSecond: s.load.readsPerSecond,
      loadP50: s.load.p50,
      loadP99: s.load.p99,
      loadErrors: s.load.errors,
      leasesLost: s.load.log.signs.leaseLost,
      consumerRebalanced: s.load.membersChanged || s.load.log.signs.consumerRebalanced > 0,
      othersCpuPctDuringLoad: Math.round((s.load.cpu.others / s.load.cpu.seconds) * 100),
      rssMb: Object.fromEntries(Object.entries(s.rss).map(([name, r]) => [name, r.rssMb])),
    })),
    failures: run.failures.length,
    machine: `${run.machine.cores} cores, ${run.machine.memoryGb} GB, node ${run.machine.node}`,
  };
}

/** As the repository's prettier writes JSON (format:check covers bench/results/). */
export async function prettyJson(value: unknown): Promise<string> {
  const raw = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    return await prettier.format(raw, { parser: 'json', printWidth: 100 });
  } catch {
    return raw;
  }
}

/** scale.json and scale.md (rewritten after each stage); a line in history.jsonl at the end. */
export async function writeResults(
  dir: string,
  run: ScaleRun,
  opts: { history: boolean },
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'scale.json');
  const md = join(dir, 'scale.md');
  writeFileSync(json, await prettyJson(run));
  writeFileSync(md, markdownTable(run));
  if (!opts.history) return [json, md];
  const history = join(dir, 'history.jsonl');
  appendFileSync(history, `${JSON.stringify(historyLine(run))}\n`);
  return [json, md, history];
}
