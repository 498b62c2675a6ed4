import { addUsage, isAfter, newestFirst, NO_USAGE, pageRowsOfDay } from './usage-order';
import type { UsageRecord } from './usage-record';

const at = (iso: string) => new Date(iso);
const record = (
  id: string,
  occurredAt: string,
  type: UsageRecord['type'] = 'DATA',
): UsageRecord => ({
  id,
  userId: 'user-1',
  type,
  amount: 2,
  occurredAt: at(occurredAt),
  recordedAt: at('2026-11-30T00:00:00Z'),
});

describe('newest-first order', () => {
  it('orders by occurredAt, then id, both descending', () => {
    const rows = [
      record('a', '2026-11-01T10:00:00Z'),
      record('c', '2026-11-01T09:00:00Z'),
      record('b', '2026-11-01T10:00:00Z'),
    ].sort(newestFirst);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });

  it('puts a record after a position when older, or as old with a smaller id', () => {
    const position = { occurredAtMs: at('2026-11-01T10:00:00Z').getTime(), id: 'b' };
    expect(isAfter(record('a', '2026-11-01T10:00:00Z'), position)).toBe(true);
    expect(isAfter(record('b', '2026-11-01T10:00:00Z'), position)).toBe(false);
    expect(isAfter(record('c', '2026-11-01T10:00:00Z'), position)).toBe(false);
    expect(isAfter(record('z', '2026-11-01T09:59:59Z'), position)).toBe(true);
  });
});

describe('pageRowsOfDay', () => {
  const day = [
    record('1', '2026-11-01T01:00:00Z', 'SMS'),
    record('2', '2026-11-01T02:00:00Z', 'DATA'),
    record('3', '2026-11-01T03:00:00Z', 'SMS'),
  ];
  it('filters by type and position, newest first', () => {
    expect(pageRowsOfDay(day, 'SMS', null).map((r) => r.id)).toEqual(['3', '1']);
    const position = { occurredAtMs: at('2026-11-01T02:00:00Z').getTime(), id: '2' };
    expect(pageRowsOfDay(day, null, position).map((r) => r.id)).toEqual(['1']);
  });
});

describe('addUsage', () => {
  it('sums amounts by type and counts records', () => {
    const totals = [
      { type: 'DATA' as const, amount: 3 },
      { type: 'VOICE' as const, amount: 60 },
      { type: 'SMS' as const, amount: 1 },
      { type: 'DATA' as const, amount: 4 },
    ].reduce(addUsage, NO_USAGE);
    expect(totals).toEqual({ dataMb: 7, voiceSeconds: 60, smsCount: 1, records: 4 });
  });
});
