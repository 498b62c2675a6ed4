import { cpus } from 'node:os';
import { measureCpu, type CpuUse } from '../scale/cpu-use';
import { cpuSecondsOf, rssOf } from '../scale/processes';
import { load, type LoadResult, type Read } from '../scale/reads';
import { latency, type Latency } from '../scale/stats';
import {
  emptySamples,
  SUBGRAPHS,
  type Mode,
  type OperationName,
  type Subgraph,
  type SubgraphSamples,
} from './operations';

/** The gateway process during a measured load. */
export interface GatewayUse {
  pid: number;
  /** Resident memory sampled every RSS_SAMPLE_MS, MB. */
  rssMb: { mean: number; max: number };
  /** CPU used, % of one core. */
  cpuPercent: number;
  /** CPU used per answered read, ms: the gateway's own cost, least moved by other load. */
  cpuMsPerRead: number;
}

export interface CellResult extends Omit<LoadResult, 'firstErrors'> {
  mode: Mode;
  operation: OperationName;
  firstErrors: string[];
  /** Direct reads: each subgraph call's latency (the join makes three). */
  subgraphs?: Partial<Record<Subgraph, Latency>>;
  gateway?: GatewayUse;
  /** CPU seconds per process during the measured stretch (the bench and other work too). */
  cpu?: CpuUse;
  /** CPU the stack's processes (and the stock gateway) used per answered read, ms. */
  stackCpuMsPerRead?: number;
}

export interface CellSpec {
  mode: Mode;
  operation: OperationName;
  connections: number;
  warmupSeconds: number;
  seconds: number;
  users: number;
  read: Read;
  /** Where a direct read puts its subgraph calls' latencies (cleared after the warm-up). */
  samples?: { current: SubgraphSamples };
  gatewayPid?: number;
  /** CPU seconds so far of every process serving the reads (the stack's, the stock gateway). */
  cpuSeconds?: () => Record<string, number>;
}

const RSS_SAMPLE_MS = 500;

function sampleRss(pid: number): () => { mean: number; max: number } {
  const seen: number[] = [];
  const take = () => {
    const rss = rssOf(pid);
    if (rss) seen.push(rss.rssMb);
  };
  take();
  const timer = setInterval(take, RSS_SAMPLE_MS);
  return () => {
    clearInterval(timer);
    take();
    return {
      mean: Math.round(seen.reduce((a, b) => a + b, 0) / Math.max(1, seen.length)),
      max: Math.max(0, ...seen),
    };
  };
}

/**
 * One measured cell: `connections` closed-loop readers (fetch's keep-alive connections) for a
 * warm-up whose figures are dropped, then for `seconds`, while the gateway's RSS is sampled
 * and its CPU time counted.
 */
export async function runCell(spec: CellSpec): Promise<CellResult> {
  await load(spec.warmupSeconds, spec.connections, spec.users, spec.read);
  if (spec.samples) spec.samples.current = emptySamples();
  const pid = spec.gatewayPid;
  const rss = pid ? sampleRss(pid) : undefined;
  const cpu0 = pid ? cpuSecondsOf(pid) : null;
  const machineCpu = spec.cpuSeconds ? measureCpu(spec.cpuSeconds, cpus().length) : undefined;
  const measured = await load(spec.seconds, spec.connections, spec.users, spec.read);
  const cpu1 = pid ? cpuSecondsOf(pid) : null;
  const result: CellResult = { mode: spec.mode, operation: spec.operation, ...measured };
  if (machineCpu) {
    result.cpu = machineCpu();
    const served = Object.entries(result.cpu.perProcess)
      .filter(([name]) => name !== 'bench')
      .reduce((sum, [, seconds]) => sum + seconds, 0);
    result.stackCpuMsPerRead = Math.round((served / Math.max(1, measured.count)) * 10_000) / 10;
  }
  if (pid && rss) {
    const cpuSeconds = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : NaN;
    result.gateway = {
      pid,
      rssMb: rss(),
      cpuPercent: Math.round((cpuSeconds / measured.seconds) * 100),
      cpuMsPerRead: Math.round((cpuSeconds / Math.max(1, measured.count)) * 10_000) / 10,
    };
  }
  if (spec.samples) {
    const by = spec.samples.current;
    result.subgraphs = Object.fromEntries(
      SUBGRAPHS.filter((s) => by[s].length > 0).map((s) => [s, latency(by[s])]),
    );
  }
  return result;
}

/** The direct join's baseline: the subgraph whose call has the highest p50. */
export function slowestSubgraph(cell: CellResult): { subgraph: Subgraph; p50: number } | null {
  let slowest: { subgraph: Subgraph; p50: number } | null = null;
  for (const s of SUBGRAPHS) {
    const p50 = cell.subgraphs?.[s]?.p50;
    if (p50 !== undefined && (!slowest || p50 > slowest.p50)) slowest = { subgraph: s, p50 };
  }
  return slowest;
}

/** a / b to two decimals. */
export const ratio = (a: number, b: number): number =>
  b > 0 ? Math.round((a / b) * 100) / 100 : NaN;
