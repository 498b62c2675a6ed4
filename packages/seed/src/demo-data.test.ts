import { periodRange } from '@tally/billing-time';
import { demoUsages, demoUser, planAt } from './demo-data';

describe('demo data', () => {
  const now = new Date('2027-01-01T00:00:00Z');
  it('is deterministic and keyed, so a rerun records duplicates only', () => {
    const u = demoUser(4, '2026-11', 'Asia/Seoul');
    expect(demoUsages(u, 'id', 5, '2026-11', 'Asia/Seoul', now)).toEqual(
      demoUsages(u, 'id', 5, '2026-11', 'Asia/Seoul', now),
    );
  });
  it('keeps usage inside the period, never in the future, with valid amounts', () => {
    const { from, to } = periodRange('2026-11', 'Asia/Seoul');
    const cutoff = new Date('2026-11-10T00:00:00Z');
    for (const r of demoUsages(
      demoUser(1, '2026-11', 'Asia/Seoul'),
      'id',
      500,
      '2026-11',
      'Asia/Seoul',
      cutoff,
    )) {
      const at = new Date(r.occurredAt).getTime();
      expect(at >= from.getTime() && at < Math.min(to.getTime(), cutoff.getTime())).toBe(true);
      expect(Number.isInteger(r.amount) && r.amount > 0).toBe(true);
    }
  });
  it('puts every user on a plan from the start of the seeded month, a third changing in it', () => {
    const { from, to } = periodRange('2026-11', 'Asia/Seoul');
    for (const i of [0, 1, 2, 3]) {
      const { plans } = demoUser(i, '2026-11', 'Asia/Seoul');
      expect(plans[0]!.effectiveAt).toBe(from.toISOString());
      expect(plans.length).toBe(i % 3 === 0 ? 2 : 1);
      for (const p of plans) expect(new Date(p.effectiveAt) < to).toBe(true);
    }
  });
  it('knows the plan in force at an instant', () => {
    const u = demoUser(0, '2026-11', 'Asia/Seoul');
    expect(planAt(u, new Date('2026-10-31T00:00:00Z'))).toBeNull();
    expect(planAt(u, new Date('2026-11-02T00:00:00Z'))?.id).toBe('LITE-15');
    expect(planAt(u, new Date('2026-11-20T00:00:00Z'))?.id).toBe('BASIC-30');
  });
  it('gives valid, distinct phones', () => {
    const phones = new Set(
      [0, 1, 9999, 10000].map((i) => demoUser(i, '2026-11', 'Asia/Seoul').phone),
    );
    expect(phones.size).toBe(4);
    for (const p of phones) expect(p).toMatch(/^010-9\d{3}-\d{4}$/);
  });
});
