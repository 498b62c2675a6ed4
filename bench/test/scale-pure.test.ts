import { summarise, type CpuProfile } from '../profile-top';
import { parseStages } from '../scale/options';
import { countLine, emptyCounts } from '../scale/stack-log';
import { latency, percentile } from '../scale/stats';
import { benchMonth, expectedTotals, usageItem } from '../scale/workload';

describe('parseStages', () => {
  it('defaults to 10 thousand, 100 thousand and 1 million', () => {
    expect(parseStages(undefined)).toEqual([10_000, 100_000, 1_000_000]);
  });

  it('reads increasing counts and refuses anything else', () => {
    expect(parseStages('10000, 30_000')).toEqual([10_000, 30_000]);
    expect(() => parseStages('30000,10000')).toThrow(/increasing/);
    expect(() => parseStages('10k')).toThrow(/BENCH_STAGES/);
  });
});

describe('latency', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 200 }, (_, i) => 200 - i); // 1..200, unsorted
    expect(
      percentile(
        [...samples].sort((a, b) => a - b),
        50,
      ),
    ).toBe(100);
    expect(latency(samples)).toMatchObject({ count: 200, p50: 100, p99: 198, max: 200 });
  });
});

describe('the bench month', () => {
  const now = new Date('2026-12-02T02:00:00Z'); // 11:00 on Dec 2 in Seoul
  const month = benchMonth(now, 'Asia/Seoul');

  it('is the last full month, with the plan from the month before', () => {
    expect(month.period).toBe('2026-11');
    expect(month.from.toISOString()).toBe('2026-10-31T15:00:00.000Z');
    expect(month.until.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(month.planEffectiveAt.toISOString()).toBe('2026-09-30T15:00:00.000Z');
  });

  it('is December of the year before in January', () => {
    const january = benchMonth(new Date('2027-01-01T00:00:00Z'), 'Asia/Seoul');
    expect(january.period).toBe('2026-12');
    expect(january.planEffectiveAt.toISOString()).toBe('2026-10-31T15:00:00.000Z');
  });

  it('spreads records over users and the whole window, and totals them per user', () => {
    const users = ['u0', 'u1', 'u2'];
    const expected = expectedTotals(users.length);
    const items = Array.from({ length: 3000 }, (_, i) => usageItem(i, 'run', users, month));
    items.forEach((item, i) => expected.add(i, item));
    const times = items.map((r) => Date.parse(r.occurredAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(month.from.getTime());
    expect(Math.max(...times)).toBeLessThan(month.until.getTime());
    const firstDay = times.filter((t) => t < month.from.getTime() + 86_400_000).length;
    expect(firstDay / items.length).toBeCloseTo(
      86_400_000 / (month.until.getTime() - month.from.getTime()),
      1,
    );
    expect(new Set(items.map((r) => r.id)).size).toBe(3000);
    const u1 = items.filter((r) => r.userId === 'u1');
    expect(expected.of(1).records).toBe(u1.length);
    expect(expected.of(1).dataMb).toBe(
      u1.filter((r) => r.type === 'DATA').reduce((a, r) => a + r.amount, 0),
    );
  });
});

describe('counting the stack output', () => {
  it('counts lost leases, rebalances of settlement only, and errors per process', () => {
    const counts = emptyCounts();
    countLine(
      counts,
      'user       | 10:00:01 WARN  lease gone; registering again instanceId=user-1',
    );
    countLine(counts, 'settlement | 10:00:02 ERROR [Runner] The group is rebalancing, re-joining');
    countLine(counts, 'usage      | 10:00:02 ERROR [Runner] The group is rebalancing, re-joining');
    countLine(counts, 'gateway    | 10:00:03 INFO  request served');
    expect(counts.signs).toMatchObject({ leaseLost: 1, consumerRebalanced: 1 });
    expect(counts.errors).toEqual({ settlement: 1, usage: 1 });
    expect(counts.warnings).toEqual({ user: 1 });
    expect(counts.lines).toBe(4);
  });
});

describe('profile-top', () => {
  it('sums self time per function from the samples, idle apart', () => {
    const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)') },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('rate', 'file:///repo/subgraphs/settlement/dist/rate.js') },
        { id: 4, callFrame: frame('parse', 'file:///repo/node_modules/bson/lib/bson.js') },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [3, 3, 4, 2, 3],
      timeDeltas: [0, 1000, 1000, 1000, 6000],
    };
    const byFunction = summarise(profile, 2);
    expect(byFunction.idleMs).toBe(6);
    expect(byFunction.top[0]).toEqual({
      name: 'rate subgraphs/settlement/dist/rate.js:1',
      selfMs: 2,
      percent: 66.7,
    });
    expect(summarise(profile, 5, 'package').top.map((e) => e.name)).toEqual([
      'subgraphs/settlement',
      'bson',
      '(root)',
    ]);
  });
});
