import { periodRange } from '@tally/billing-time';
import { demoUser, planAt } from './demo-data';
import {
  adjustmentPeriods,
  hasEnded,
  lateInstant,
  lateUsages,
  lateUserIndices,
} from './late-usage';

const TZ = 'Asia/Seoul';

describe('late usage of the closed month', () => {
  it('closes a month only once it has ended in the billing time zone', () => {
    expect(hasEnded('2026-11', new Date('2026-11-30T14:59:59Z'), TZ)).toBe(false);
    expect(hasEnded('2026-11', new Date('2026-11-30T15:00:00Z'), TZ)).toBe(true);
    expect(hasEnded('2026-12', new Date('2026-12-02T18:00:00Z'), TZ)).toBe(false);
  });
  it('puts a late record on the 20th at noon local, as worked example 5', () =>
    expect(lateInstant('2026-10', 0, TZ).toISOString()).toBe('2026-10-20T03:00:00.000Z'));
  it('keeps every late instant inside the month', () => {
    const { from, to } = periodRange('2026-02', TZ);
    for (const index of [0, 1, 599, 600, 99_999]) {
      const at = lateInstant('2026-02', index, TZ).getTime();
      expect(at >= from.getTime() && at < to.getTime()).toBe(true);
    }
  });
  it('picks users whose plan limits data first, lowest index first', () => {
    expect(lateUserIndices(50, 3, '2026-11', TZ)).toEqual([0, 1, 3]);
    for (const i of lateUserIndices(50, 10, '2026-11', TZ))
      expect(
        planAt(demoUser(i, '2026-11', TZ), lateInstant('2026-11', i, TZ))?.allowance.dataMb,
      ).not.toBeNull();
  });
  it('falls back on the unlimited when there are too few others', () =>
    expect(lateUserIndices(3, 3, '2026-11', TZ)).toEqual([0, 1, 2]));
  it('keys each record by month and user, the same on every run and for any --late', () => {
    const picks = [
      { index: 0, userId: 'u0' },
      { index: 3, userId: 'u3' },
    ];
    const once = lateUsages('2026-11', picks, TZ);
    expect(once).toEqual([
      {
        id: 'seed-late-2026-11-0',
        userId: 'u0',
        type: 'DATA',
        amount: 100,
        occurredAt: '2026-11-20T03:00:00.000Z',
      },
      {
        id: 'seed-late-2026-11-3',
        userId: 'u3',
        type: 'DATA',
        amount: 400,
        occurredAt: '2026-11-20T03:03:00.000Z',
      },
    ]);
    expect(lateUsages('2026-11', picks.slice(1), TZ)).toEqual(once.slice(1));
  });
  it('looks for adjustments on the bills after the closed month, newest first', () => {
    expect(adjustmentPeriods('2026-11', new Date('2026-12-02T18:00:00Z'), TZ)).toEqual(['2026-12']);
    expect(adjustmentPeriods('2026-11', new Date('2027-02-01T00:00:00Z'), TZ)).toEqual([
      '2027-02',
      '2027-01',
      '2026-12',
    ]);
  });
});
