import { BASIC, PREMIUM, SEOUL, data, sub } from '../../test/billing-fixtures';
import { rateBill } from './rate-bill';

const bill = (
  period: string,
  subscriptions: ReturnType<typeof sub>[],
  usages: ReturnType<typeof data>[] = [],
) => rateBill({ period, timeZone: SEOUL, subscriptions, usages });
const days = (b: ReturnType<typeof rateBill>) => b.lines.map((l) => [l.plan.id, l.days]);

describe('rateBill: edges', () => {
  it('gives a zero bill for a period with nothing in it', () => {
    expect(bill('2026-11', [])).toEqual({
      period: '2026-11',
      baseFee: 0,
      overageCharge: 0,
      total: 0,
      usage: { dataMb: 0, voiceSeconds: 0, smsCount: 0 },
      unratedUsage: { dataMb: 0, voiceSeconds: 0, smsCount: 0 },
      lines: [],
    });
  });

  it('gives a zero bill for a period before the first subscription, usage outside it ignored', () => {
    const b = bill(
      '2026-09',
      [sub(BASIC, '2026-10-01T00:00:00+09:00')],
      [data(5, '2026-10-02T00:00:00+09:00')],
    );
    expect(b.total).toBe(0);
    expect(b.lines).toEqual([]);
    expect(b.usage.dataMb).toBe(0);
  });

  it('bills a back-dated subscription from before the period for the whole period', () => {
    const b = bill('2026-11', [
      sub(PREMIUM, '2025-01-01T00:00:00+09:00'),
      sub(BASIC, '2026-06-15T00:00:00+09:00'),
    ]);
    expect(days(b)).toEqual([['BASIC-30', 30]]);
    expect(b.total).toBe(30000);
  });

  it('gives the whole last day to a plan changed on it', () => {
    const b = bill(
      '2026-11',
      [sub(BASIC, '2026-10-01T00:00:00+09:00'), sub(PREMIUM, '2026-11-30T23:59:59+09:00')],
      [data(2000, '2026-11-30T00:00:00+09:00')],
    );
    expect(days(b)).toEqual([
      ['BASIC-30', 29],
      ['PREMIUM-60', 1],
    ]);
    expect(b.lines[0]!.baseFee).toBe(29000); // floor(30000 * 29 / 30)
    expect(b.lines[1]!.baseFee).toBe(2000); // floor(60000 * 1 / 30)
    expect(b.lines[1]!.usage.dataMb).toBe(2000);
    expect(b.overageCharge).toBe(0);
  });

  it('counts a change at the next local midnight for the next day only', () => {
    const b = bill('2026-11', [
      sub(BASIC, '2026-10-01T00:00:00+09:00'),
      sub(PREMIUM, '2026-11-16T00:00:00+09:00'),
    ]);
    expect(days(b)).toEqual([
      ['BASIC-30', 15],
      ['PREMIUM-60', 15],
    ]);
  });

  it('gives a day with two changes to the latest one', () => {
    const b = bill('2026-11', [
      sub(BASIC, '2026-11-01T00:00:00+09:00'),
      sub(PREMIUM, '2026-11-10T09:00:00+09:00'),
      sub(BASIC, '2026-11-10T18:00:00+09:00'),
    ]);
    expect(days(b)).toEqual([['BASIC-30', 30]]);
  });

  it('settles two changes at the same instant by subscription id, whatever their order', () => {
    const at = '2026-11-10T09:00:00+09:00';
    const a = sub(PREMIUM, at, 'sub-a');
    const b = sub(BASIC, at, 'sub-b');
    expect(days(bill('2026-11', [a, b]))).toEqual([['BASIC-30', 21]]);
    expect(days(bill('2026-11', [b, a]))).toEqual([['BASIC-30', 21]]);
  });

  it('makes one line for a plan that comes back, in order of first day', () => {
    const b = bill('2026-11', [
      sub(PREMIUM, '2026-11-01T00:00:00+09:00'),
      sub(BASIC, '2026-11-11T00:00:00+09:00'),
      sub(PREMIUM, '2026-11-21T00:00:00+09:00'),
    ]);
    expect(days(b)).toEqual([
      ['PREMIUM-60', 20],
      ['BASIC-30', 10],
    ]);
    expect(b.total).toBe(40000 + 10000);
  });

  it('prorates over the 29 days of February 2028', () => {
    const b = bill(
      '2028-02',
      [sub(BASIC, '2028-02-15T12:00:00+09:00')],
      [data(500, '2028-02-29T23:00:00+09:00')],
    );
    expect(b.lines[0]).toMatchObject({
      days: 15,
      baseFee: 15517,
      allowance: { dataMb: 517, voiceSeconds: 3103, smsCount: 51 },
    });
    expect(b.lines[0]!.overage.dataMb).toBe(0);
  });

  it('charges every usage type above its prorated allowance at its own rate', () => {
    const b = rateBill({
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [sub(BASIC, '2026-11-01T00:00:00+09:00')],
      usages: [
        { id: 'v', type: 'VOICE', amount: 6001, occurredAt: '2026-11-03T00:00:00+09:00' },
        { id: 's', type: 'SMS', amount: 103, occurredAt: '2026-11-03T00:00:00+09:00' },
      ],
    });
    expect(b.lines[0]!.overage).toEqual({ dataMb: 0, voiceSeconds: 1, smsCount: 3 });
    expect(b.overageCharge).toBe(1 * 2 + 3 * 20);
  });

  it('rejects a malformed period as BAD_USER_INPUT', () => {
    expect(() => bill('2026-13', [])).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('refuses to round money past the safe integer range', () => {
    const huge = { ...BASIC, id: 'HUGE', monthlyFee: Number.MAX_SAFE_INTEGER };
    expect(() => bill('2026-11', [sub(huge, '2026-11-01T00:00:00+09:00')])).toThrow(
      /not a safe integer/,
    );
  });
});
