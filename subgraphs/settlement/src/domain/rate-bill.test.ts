import { BASIC, PREMIUM, SEOUL, data, sms, sub, voice } from '../../test/billing-fixtures';
import { rateBill } from './rate-bill';

const zero = { dataMb: 0, voiceSeconds: 0, smsCount: 0 };

describe('rateBill: the worked examples of billing-rules.md', () => {
  it('1. bills one plan all month with data overage (34000)', () => {
    const bill = rateBill({
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [sub(BASIC, '2026-10-20T00:00:00+09:00')],
      usages: [
        data(600, '2026-11-02T10:00:00+09:00'),
        data(600, '2026-11-20T23:59:59+09:00'),
        voice(100, '2026-11-05T12:00:00+09:00'),
        sms(5, '2026-11-07T08:00:00+09:00'),
      ],
    });
    expect(bill).toMatchObject({
      period: '2026-11',
      baseFee: 30000,
      overageCharge: 4000,
      total: 34000,
      unratedUsage: zero,
    });
    expect(bill.usage).toEqual({ dataMb: 1200, voiceSeconds: 100, smsCount: 5 });
    expect(bill.lines).toEqual([
      {
        plan: BASIC,
        days: 30,
        baseFee: 30000,
        allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: 100 },
        usage: { dataMb: 1200, voiceSeconds: 100, smsCount: 5 },
        overage: { dataMb: 200, voiceSeconds: 0, smsCount: 0 },
        overageCharge: 4000,
      },
    ]);
  });

  it('2. bills a mid-month plan change by days (51000)', () => {
    const bill = rateBill({
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [
        sub(PREMIUM, '2026-11-16T09:00:00+09:00'),
        sub(BASIC, '2026-11-01T00:00:00+09:00'),
      ],
      usages: [data(800, '2026-11-10T12:00:00+09:00'), data(5000, '2026-11-16T08:00:00+09:00')],
    });
    expect(bill).toMatchObject({
      baseFee: 45000,
      overageCharge: 6000,
      total: 51000,
      usage: { dataMb: 5800, voiceSeconds: 0, smsCount: 0 },
    });
    expect(bill.lines).toEqual([
      {
        plan: BASIC,
        days: 15,
        baseFee: 15000,
        allowance: { dataMb: 500, voiceSeconds: 3000, smsCount: 50 },
        usage: { dataMb: 800, voiceSeconds: 0, smsCount: 0 },
        overage: { dataMb: 300, voiceSeconds: 0, smsCount: 0 },
        overageCharge: 6000,
      },
      {
        plan: PREMIUM,
        days: 15,
        baseFee: 30000,
        allowance: { dataMb: null, voiceSeconds: null, smsCount: null },
        usage: { dataMb: 5000, voiceSeconds: 0, smsCount: 0 },
        overage: zero,
        overageCharge: 0,
      },
    ]);
  });

  it('3. puts usage in the period of its day in the billing time zone', () => {
    const input = {
      timeZone: SEOUL,
      subscriptions: [sub(BASIC, '2026-10-20T00:00:00+09:00')],
      usages: [data(1, '2026-11-30T16:00:00Z')],
    };
    expect(rateBill({ ...input, period: '2026-11' }).usage).toEqual(zero);
    expect(rateBill({ ...input, period: '2026-12' }).usage).toEqual({
      dataMb: 1,
      voiceSeconds: 0,
      smsCount: 0,
    });
  });

  it('4. leaves usage before the first subscription unrated and prorates the rest (n = 20)', () => {
    const bill = rateBill({
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [sub(BASIC, '2026-11-11T12:00:00+09:00')],
      usages: [data(100, '2026-11-05T12:00:00+09:00')],
    });
    expect(bill.unratedUsage).toEqual({ dataMb: 100, voiceSeconds: 0, smsCount: 0 });
    expect(bill.usage).toEqual({ dataMb: 100, voiceSeconds: 0, smsCount: 0 });
    expect(bill.lines).toHaveLength(1);
    expect(bill.lines[0]).toMatchObject({
      days: 20,
      baseFee: 20000,
      allowance: { dataMb: 666, voiceSeconds: 4000, smsCount: 66 },
      usage: zero,
      overageCharge: 0,
    });
    expect(bill.total).toBe(20000);
  });
});
