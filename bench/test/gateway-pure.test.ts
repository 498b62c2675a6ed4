import { ratio, slowestSubgraph, type CellResult } from '../gateway/cell';
import { parseConnections, readGatewayOptions } from '../gateway/options';
import { goals, markdownTables, type GatewayRun } from '../gateway/report';
import type { Mode, OperationName } from '../gateway/operations';

const latency = (p50: number) => ({
  count: 100,
  p50,
  p95: p50 * 2,
  p99: p50 * 3,
  mean: p50,
  max: p50 * 4,
});

function cell(
  mode: Mode,
  operation: OperationName,
  connections: number,
  readsPerSecond: number,
  p50: number,
  extra: Partial<CellResult> = {},
): CellResult {
  return {
    mode,
    operation,
    connections,
    seconds: 20,
    readsPerSecond,
    errors: 0,
    wrongAnswers: 0,
    firstErrors: [],
    ...latency(p50),
    ...extra,
  };
}

const gatewayUse = { pid: 1, rssMb: { mean: 150, max: 160 }, cpuPercent: 40, cpuMsPerRead: 2.5 };
const cells = [
  cell('direct', 'bill', 1, 200, 5),
  cell('direct', 'join', 1, 90, 11, {
    subgraphs: { user: latency(4), usage: latency(6), settlement: latency(5) },
  }),
  cell('tally', 'bill', 1, 150, 6.5, { gateway: gatewayUse }),
  cell('tally', 'join', 1, 70, 8.4, {
    gateway: gatewayUse,
    stackCpuMsPerRead: 9,
    cpu: { seconds: 20, perProcess: { gateway: 8, user: 2 }, others: 2, cores: 2 },
  }),
  cell('stock', 'bill', 1, 60, 14, { gateway: gatewayUse }),
  cell('stock', 'join', 1, 40, 20, { gateway: gatewayUse }),
];

describe('bench:gateway options', () => {
  it('defaults to 1, 20 and 50 connections and 20 s cells', () => {
    expect(parseConnections(undefined)).toEqual([1, 20, 50]);
    expect(readGatewayOptions({})).toMatchObject({ seconds: 20, warmupSeconds: 5, users: 300 });
    expect(readGatewayOptions({ BENCH_SECONDS: '3' }).seconds).toBe(3);
  });

  it('refuses counts that are not positive integers', () => {
    expect(parseConnections('1, 8')).toEqual([1, 8]);
    expect(() => parseConnections('1,0')).toThrow(/BENCH_CONNECTIONS/);
    expect(() => parseConnections('ten')).toThrow(/BENCH_CONNECTIONS/);
    expect(() => readGatewayOptions({ BENCH_SECONDS: '-1' })).toThrow(/BENCH_SECONDS/);
  });
});

describe('the goals', () => {
  it("take the slowest subgraph's direct p50 as the join's baseline", () => {
    expect(slowestSubgraph(cells[1]!)).toEqual({ subgraph: 'usage', p50: 6 });
    expect(slowestSubgraph(cells[0]!)).toBeNull();
    expect(ratio(8.4, 6)).toBe(1.4);
    expect(ratio(1, 0)).toBeNaN();
  });

  it('compare Tally with the slowest subgraph (join) and the stock gateway (both)', () => {
    expect(goals(cells)).toEqual([
      { operation: 'bill', connections: 1, throughputRatio: 2.5, met: { throughput: true } },
      {
        operation: 'join',
        connections: 1,
        directP50: { user: 4, usage: 6, settlement: 5 },
        slowest: { subgraph: 'usage', p50: 6 },
        latencyRatio: 1.4,
        sequenceRatio: 0.76,
        throughputRatio: 1.75,
        met: { latency: true, throughput: false },
      },
    ]);
  });

  it('are left out where a cell to compare is missing', () => {
    expect(goals(cells.filter((c) => c.mode !== 'stock'))).toEqual([]);
  });
});

describe('the tables', () => {
  it('list every cell and mark each goal met or not', () => {
    const run = {
      at: '2026-12-03T07:00:00.000Z',
      machine: { cores: 2, cpu: 'x', memoryGb: 24, node: 'v20.20.2', kernel: 'k' },
      git: { commit: 'abcdef0123', dirty: false },
      config: { seconds: 20, warmupSeconds: 5, profile: false },
      setup: { users: 300, records: 6000, seconds: 60 },
      cells,
      goals: goals(cells),
      failures: [],
    } as unknown as GatewayRun;
    const md = markdownTables(run);
    expect(md).toContain('commit abcdef0');
    expect(md).toContain(
      '| join | tally | 1 | 70.0 | 8.4 / 16.8 / 25.2 | 0 | 150 / 160 | 40 | 2.5 | 9.0 | 10 |',
    );
    expect(md).toContain('| bill | direct | 1 | 200 | 5.0 / 10.0 / 15.0 | 0 | – | – | – | – | – |');
    expect(md).toContain(
      '| join | 1 | user 4.0, usage 6.0, settlement 5.0 | 1.4× ✓ | 0.76× | 1.75× ✗ |',
    );
  });
});
