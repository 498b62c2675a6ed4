import { positiveInt, readStackBenchOptions, type StackBenchOptions } from '../scale/options';

export const HELP = `Usage: npm run bench:gateway [-- --help]
       npx tsx bench/gateway.ts [--help]

The gateway's own cost. Starts the stack as \`npm start\` runs it (the built dist/) on a fresh
data folder, creates users on BASIC-30 with a month of usage through the gateway and waits
until settlement has applied it. Then sends the same two operations

  - bill: bill(userId, period), answered by the settlement subgraph alone;
  - join: user(id) { name phone plan usageSummary(period) bill(period) }, across all three
    subgraphs (user first, then usage and settlement at once);

three ways, each at 1, 20 and 50 concurrent connections (closed loop, keep-alive): a warm-up,
then a measured stretch, every answer checked against what was ingested:

  - direct: straight to the subgraphs, each call signed as Tally's gateway signs it; the join
    as its three calls in the plan's order, each call's latency kept;
  - tally: through Tally's gateway (:4000) with an admin token from the local issuer;
  - stock: through a stock @apollo/gateway the bench runs in its own process: the subgraphs'
    SDL from the registry composed with @apollo/composition with their current URLs, the
    default fetcher, Apollo Server standalone; only the caller's token verified and each
    subgraph call signed, as the subgraphs require.

Reads/s, p50, p95, p99, errors, and the gateway process's RSS (sampled from /proc) and CPU go
to bench/results/gateway.json and a table; then the goals: the join through Tally's gateway
within 1.5x the p50 of its slowest subgraph called directly, and at least 2x the stock
gateway's reads/s. Nothing is asserted on time: the exit code is 1 only when something failed.
The stack's output in .logs/bench-gateway-stack.log, the stock gateway's in
.logs/bench-gateway-stock.log. Ctrl-C stops everything and exits.

Environment:
  BENCH_SECONDS          measured seconds per cell (default 20)
  BENCH_WARMUP_SECONDS   warm-up seconds per cell, not counted (default 5)
  BENCH_CONNECTIONS      concurrent connections (default 1,20,50)
  BENCH_USERS            users (default 300)
  BENCH_RECORDS_PER_USER usage records per user (default 20)
  BENCH_PROFILE=1        CPU profiles of both gateways, each over its own measured cells
                         only (a preload started and stopped by SIGUSR2); in
                         bench/results/profiles/<run>/{gateway,stock-gateway}.<pid>.cpuprofile
                         (npx tsx bench/profile-top.ts <file>)
  BENCH_ROOT             the tree whose built dist/ runs (default this repository)
  BENCH_DATA_DIR         the stack's data folder (default a fresh temp dir, removed at the end)
  BENCH_KEEP_DATA=1      keep the data folder
  BENCH_TIME_ZONE        the stack's billing time zone (default Asia/Seoul)`;

export interface GatewayBenchOptions extends StackBenchOptions {
  seconds: number;
  warmupSeconds: number;
  connections: number[];
  users: number;
  recordsPerUser: number;
}

export function parseConnections(raw: string | undefined): number[] {
  if (!raw?.trim()) return [1, 20, 50];
  const counts = raw.split(',').map((s) => Number(s.trim()));
  if (counts.length === 0 || !counts.every((n) => Number.isSafeInteger(n) && n > 0))
    throw new Error(`BENCH_CONNECTIONS: positive counts such as 1,20,50, not "${raw}"`);
  return counts;
}

export function readGatewayOptions(env: NodeJS.ProcessEnv): GatewayBenchOptions {
  return {
    seconds: positiveInt(env, 'BENCH_SECONDS', 20),
    warmupSeconds: positiveInt(env, 'BENCH_WARMUP_SECONDS', 5),
    connections: parseConnections(env.BENCH_CONNECTIONS),
    users: positiveInt(env, 'BENCH_USERS', 300),
    recordsPerUser: positiveInt(env, 'BENCH_RECORDS_PER_USER', 20),
    ...readStackBenchOptions(env),
  };
}
