import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ms, prettyJson, runHeading, table, type BenchRun } from '../scale/report';
import { ratio, slowestSubgraph, type CellResult } from './cell';
import { OPERATIONS, type Mode, type OperationName, type Subgraph } from './operations';

/** The goals for Tally's gateway. */
export const JOIN_LATENCY_GOAL = 1.5;
export const THROUGHPUT_GOAL = 2;

export interface GoalRow {
  operation: OperationName;
  connections: number;
  /** Join only: each subgraph's direct p50 and the slowest, the baseline. */
  directP50?: Partial<Record<Subgraph, number>>;
  slowest?: { subgraph: Subgraph; p50: number };
  /** Tally's p50 ÷ the slowest subgraph's direct p50 (goal ≤ 1.5). */
  latencyRatio?: number;
  /**
   * Tally's p50 ÷ the direct join's p50: its three calls made by the bench in the plan's
   * order (user, then usage and settlement at once), the floor for any gateway.
   */
  sequenceRatio?: number;
  /** Tally's reads/s ÷ the stock gateway's (goal ≥ 2). */
  throughputRatio: number;
  met: { latency?: boolean; throughput: boolean };
}

export interface GatewayRun extends BenchRun {
  bench: 'gateway';
  setup: { users: number; records: number; seconds: number };
  /** Where the stock gateway sent each subgraph's calls. */
  subgraphUrls: Record<string, string>;
  cells: CellResult[];
  goals: GoalRow[];
}

const find = (cells: CellResult[], mode: Mode, op: OperationName, connections: number) =>
  cells.find((c) => c.mode === mode && c.operation === op && c.connections === connections);

/** The goals, per operation and connection count where the cells to compare were measured. */
export function goals(cells: CellResult[]): GoalRow[] {
  const rows: GoalRow[] = [];
  const counts = [...new Set(cells.map((c) => c.connections))].sort((a, b) => a - b);
  for (const operation of OPERATIONS)
    for (const connections of counts) {
      const tally = find(cells, 'tally', operation, connections);
      const stock = find(cells, 'stock', operation, connections);
      const direct = find(cells, 'direct', operation, connections);
      if (!tally || !stock) continue;
      const throughputRatio = ratio(tally.readsPerSecond, stock.readsPerSecond);
      const row: GoalRow = {
        operation,
        connections,
        throughputRatio,
        met: { throughput: throughputRatio >= THROUGHPUT_GOAL },
      };
      const slowest = operation === 'join' && direct ? slowestSubgraph(direct) : null;
      if (direct && slowest) {
        row.directP50 = Object.fromEntries(
          Object.entries(direct.subgraphs ?? {}).map(([s, l]) => [s, l.p50]),
        );
        row.slowest = slowest;
        row.latencyRatio = ratio(tally.p50, slowest.p50);
        row.sequenceRatio = ratio(tally.p50, direct.p50);
        row.met.latency = row.latencyRatio <= JOIN_LATENCY_GOAL;
      }
      rows.push(row);
    }
  return rows;
}

const yes = (met: boolean | undefined) => (met === undefined ? '' : met ? ' ✓' : ' ✗');

/** The README's tables: every cell, then the goals. */
export function markdownTables(run: GatewayRun): string {
  const cellRows = run.cells.map((c) => [
    c.operation,
    c.mode,
    String(c.connections),
    ms(c.readsPerSecond),
    `${ms(c.p50)} / ${ms(c.p95)} / ${ms(c.p99)}`,
    String(c.errors),
    c.gateway ? `${c.gateway.rssMb.mean} / ${c.gateway.rssMb.max}` : '–',
    c.gateway ? String(c.gateway.cpuPercent) : '–',
    c.gateway ? ms(c.gateway.cpuMsPerRead) : '–',
    c.stackCpuMsPerRead === undefined ? '–' : ms(c.stackCpuMsPerRead),
    c.cpu ? String(Math.round((c.cpu.others / c.cpu.seconds) * 100)) : '–',
  ]);
  const goalRows = run.goals.map((g) => [
    g.operation,
    String(g.connections),
    g.directP50
      ? Object.entries(g.directP50)
          .map(([s, p]) => `${s} ${ms(p)}`)
          .join(', ')
      : '–',
    g.latencyRatio === undefined ? '–' : `${g.latencyRatio}×${yes(g.met.latency)}`,
    g.sequenceRatio === undefined ? '–' : `${g.sequenceRatio}×`,
    `${g.throughputRatio}×${yes(g.met.throughput)}`,
  ]);
  return [
    `${runHeading('Gateway', run)}; ${run.setup.users} users, ` +
      `${run.setup.records.toLocaleString('en-US')} records; ${run.config.warmupSeconds as number} s warm-up + ` +
      `${run.config.seconds as number} s per cell${run.config.profile ? ', under the CPU profiler' : ''}. Latencies in ms.`,
    '',
    table(
      [
        'operation',
        'via',
        'connections',
        'reads/s',
        'p50 / p95 / p99',
        'errors',
        'gateway RSS MB (mean / max)',
        'gateway CPU %',
        'gateway CPU ms/read',
        'all serving CPU ms/read',
        'other work CPU %',
      ],
      cellRows,
    ),
    '',
    `Goals: the join through Tally's gateway within ${JOIN_LATENCY_GOAL}× the p50 of its slowest subgraph called directly; at least ${THROUGHPUT_GOAL}× the stock gateway's reads/s.`,
    '',
    table(
      [
        'operation',
        'connections',
        'direct p50 per subgraph',
        "Tally p50 ÷ slowest subgraph's",
        "Tally p50 ÷ direct join's",
        'Tally ÷ stock reads/s',
      ],
      goalRows,
    ),
    ...(run.failures.length ? ['', `Failures: ${run.failures.join('; ')}`] : []),
    '',
  ].join('\n');
}

/** gateway.json, rewritten after each cell so a cut-short run still leaves its figures. */
export async function writeGatewayResults(dir: string, run: GatewayRun): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'gateway.json');
  writeFileSync(file, await prettyJson(run));
  return file;
}
