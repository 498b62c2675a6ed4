import { BASIC, PREMIUM, SEOUL, data, sub } from '../../test/billing-fixtures';
import { settleBill } from './settle-bill';

const t = (iso: string) => new Date(iso);

describe('settleBill', () => {
  const old = {
    ...sub(BASIC, '2026-09-01T00:00:00+09:00', 's-old'),
    appliedAt: t('2026-09-01T00:00:01Z'),
  };
  const current = {
    ...sub(PREMIUM, '2026-10-15T00:00:00+09:00', 's-cur'),
    appliedAt: t('2026-10-15T00:00:01Z'),
  };
  const mid = {
    ...sub(BASIC, '2026-11-10T00:00:00+09:00', 's-mid'),
    appliedAt: t('2026-11-10T00:00:01Z'),
  };
  const use = {
    ...data(10, '2026-11-12T10:00:00+09:00', 'u-1'),
    appliedAt: t('2026-11-12T01:00:02Z'),
  };

  it('counts the usage and the subscriptions in force on some day, and the latest application', () => {
    const bill = settleBill({
      userId: 'user-1',
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [old, current, mid],
      usages: [use],
    });
    expect(bill.eventsApplied).toBe(3); // s-cur (days 1-9), s-mid (days 10-30), u-1; not s-old
    expect(bill.updatedAt).toEqual(use.appliedAt);
    expect(bill.userId).toBe('user-1');
    expect(bill.lines.map((l) => [l.plan.id, l.days])).toEqual([
      ['PREMIUM-60', 9],
      ['BASIC-30', 21],
    ]);
  });

  it('is a zero bill with no events and no updatedAt for an empty period', () => {
    const bill = settleBill({
      userId: 'user-1',
      period: '2026-11',
      timeZone: SEOUL,
      subscriptions: [],
      usages: [],
    });
    expect(bill).toMatchObject({
      total: 0,
      baseFee: 0,
      overageCharge: 0,
      lines: [],
      eventsApplied: 0,
      updatedAt: null,
    });
  });
});
