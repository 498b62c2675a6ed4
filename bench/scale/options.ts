import { isAbsolute, join, resolve } from 'node:path';

export const HELP = `Usage: npm run bench:scale [-- --help]
       npx tsx bench/scale.ts [--help]

Scale benchmark on the stack as \`npm start\` runs it: starts node packages/stack/dist/cli.js
(the built dist/, MongoDB's H2 file store) on a fresh data folder, creates 1,000 users with a
plan effective before the month, then ingests usage records of the last full month through the
gateway in stages (batches of 1,000, 4 in flight). At each stage it measures:

  - ingest records/s, and seconds until settlement has applied everything: first the
    settlement consumer group's committed offsets reach the usage topic's end (Kafka admin
    API), then every user's bill, read from settlement in batches of 100, holds exactly the
    usage ingested for that user;
  - bill read p50/p99, sequential, through the gateway and straight to settlement (:4003);
  - a user's usage page (first 50) and usage summary p50/p99 through the gateway;
  - a 20-connection bill-read load for 30 s through the gateway (reads/s, p50, p99, errors),
    and whether any lease was lost or the settlement consumer was rebalanced meanwhile;
  - each process's RSS (now and peak).

Every read checks its answer against what was ingested (lost records fail the run). Nothing is
asserted on time: the exit code is 1 only when something failed. Results:
bench/results/scale.json, scale.md (a table for the README), a line in history.jsonl; the
stack's output in .logs/bench-scale-stack.log. Ctrl-C stops the stack and exits.

Environment:
  BENCH_STAGES            cumulative record counts (default 10000,100000,1000000)
  BENCH_USERS             users (default 1000)
  BENCH_BATCH             records per recordUsages call (default 1000)
  BENCH_IN_FLIGHT         ingest calls in flight (default 4)
  BENCH_READS             sequential reads per measure (default 200)
  BENCH_LOAD_CONNECTIONS  concurrent bill readers (default 20)
  BENCH_LOAD_SECONDS      length of the load (default 30)
  BENCH_SETTLE_STALL_S    fail when settlement makes no progress this long (default 300)
  BENCH_PROFILE=1         every Node process of the stack runs under the CPU profiler (a
                          --require preload: Node 20 refuses --cpu-prof in NODE_OPTIONS);
                          profiles in bench/results/profiles/<run>/<process>.<pid>.cpuprofile
                          (summarise one: npx tsx bench/profile-top.ts <file.cpuprofile>)
  BENCH_ROOT              the tree whose built dist/ runs (default this repository)
  BENCH_DATA_DIR          the stack's data folder (default a fresh temp dir, removed at the end)
  BENCH_KEEP_DATA=1       keep the data folder
  BENCH_TIME_ZONE         the stack's billing time zone (default Asia/Seoul)`;

/** What every bench on a fresh stack reads the same way (BENCH_PROFILE … BENCH_TIME_ZONE). */
export interface StackBenchOptions {
  profile: boolean;
  root: string;
  /** undefined: a fresh temp dir. */
  dataDir: string | undefined;
  keepData: boolean;
  timeZone: string;
}

export interface BenchOptions extends StackBenchOptions {
  stages: number[];
  users: number;
  batch: number;
  inFlight: number;
  reads: number;
  loadConnections: number;
  loadSeconds: number;
  settleStallSeconds: number;
}

const BENCH_DIR = resolve(__dirname, '..');
export const REPO_ROOT = resolve(BENCH_DIR, '..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');

export function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`${name}: a positive integer, not "${raw}"`);
  return n;
}

export function parseStages(raw: string | undefined): number[] {
  if (!raw?.trim()) return [10_000, 100_000, 1_000_000];
  const stages = raw.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  const ok = stages.every(
    (n, i) => Number.isSafeInteger(n) && n > 0 && (i === 0 || n > stages[i - 1]!),
  );
  if (!ok)
    throw new Error(`BENCH_STAGES: increasing positive counts such as 10000,30000, not "${raw}"`);
  return stages;
}

export function readStackBenchOptions(env: NodeJS.ProcessEnv): StackBenchOptions {
  const root = env.BENCH_ROOT?.trim();
  const dataDir = env.BENCH_DATA_DIR?.trim();
  return {
    profile: env.BENCH_PROFILE === '1',
    root: root ? (isAbsolute(root) ? root : resolve(root)) : REPO_ROOT,
    dataDir: dataDir ? resolve(dataDir) : undefined,
    keepData: env.BENCH_KEEP_DATA === '1',
    timeZone: env.BENCH_TIME_ZONE?.trim() || 'Asia/Seoul',
  };
}

export function readOptions(env: NodeJS.ProcessEnv): BenchOptions {
  return {
    stages: parseStages(env.BENCH_STAGES),
    users: positiveInt(env, 'BENCH_USERS', 1000),
    batch: positiveInt(env, 'BENCH_BATCH', 1000),
    inFlight: positiveInt(env, 'BENCH_IN_FLIGHT', 4),
    reads: positiveInt(env, 'BENCH_READS', 200),
    loadConnections: positiveInt(env, 'BENCH_LOAD_CONNECTIONS', 20),
    loadSeconds: positiveInt(env, 'BENCH_LOAD_SECONDS', 30),
    settleStallSeconds: positiveInt(env, 'BENCH_SETTLE_STALL_S', 300),
    ...readStackBenchOptions(env),
  };
}
