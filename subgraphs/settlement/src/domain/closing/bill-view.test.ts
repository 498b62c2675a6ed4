import { BASIC } from '../../../test/billing-fixtures';
import { ClosingSim } from '../../../test/closing-sim';

const at = (iso: string) => new Date(iso);
const OCTOBER_CUTOFF = at('2026-11-04T00:00:00+09:00');

describe('closing a period (billing-rules.md, "Closing a period")', () => {
  it('worked example 5: late usage leaves the invoice alone and adds +2000 to the next bill', () => {
    const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
    sim.apply(
      [
        {
          id: 'oct',
          type: 'DATA',
          amount: 1000,
          occurredAt: '2026-10-15T12:00:00+09:00',
          recordedAt: '2026-10-15T12:00:01+09:00',
        },
      ],
      at('2026-10-15T12:00:02+09:00'),
    );
    const invoice = sim.close('2026-10', OCTOBER_CUTOFF);
    expect(invoice).toMatchObject({ status: 'CLOSED', total: 30000, adjustments: [] });

    sim.apply(
      [
        {
          id: 'late',
          type: 'DATA',
          amount: 100,
          occurredAt: '2026-10-20T12:00:00+09:00',
          recordedAt: '2026-11-10T09:00:00+09:00',
        },
      ],
      at('2026-11-10T09:00:01+09:00'),
    );
    expect(sim.bill('2026-10')).toBe(invoice);
    expect(sim.bill('2026-10').total).toBe(30000);
    const november = sim.bill('2026-11');
    expect(november.adjustments).toEqual([
      { forPeriod: '2026-10', amount: 2000, usage: { dataMb: 100, voiceSeconds: 0, smsCount: 0 } },
    ]);
    expect(november).toMatchObject({ baseFee: 30000, adjustmentTotal: 2000, total: 32000 });
    // Late usage does not count as November's usage.
    expect(november.usage).toEqual({ dataMb: 0, voiceSeconds: 0, smsCount: 0 });
  });

  it('usage recorded in the grace days belongs to its period; from the cutoff on it is late', () => {
    const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
    const oct = (id: string, recordedAt: string) => ({
      id,
      type: 'DATA' as const,
      amount: 1500,
      occurredAt: '2026-10-31T23:00:00+09:00',
      recordedAt,
    });
    sim.apply([oct('grace', '2026-11-03T23:59:59+09:00')], at('2026-11-03T23:59:59+09:00'));
    sim.apply([oct('late', '2026-11-04T00:00:00+09:00')], at('2026-11-04T00:00:01+09:00'));
    const invoice = sim.close('2026-10', OCTOBER_CUTOFF);
    // 1500 on time: 500 MB over the allowance of 1000.
    expect(invoice).toMatchObject({ overageCharge: 10000, total: 40000 });
    // The late 1500 MB are all overage now: +30000.
    expect(sim.bill('2026-11').adjustments).toEqual([
      {
        forPeriod: '2026-10',
        amount: 30000,
        usage: { dataMb: 1500, voiceSeconds: 0, smsCount: 0 },
      },
    ]);
  });

  it('a late record whose own period is closed too goes to the next open bill, in full', () => {
    const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
    sim.close('2026-10', OCTOBER_CUTOFF);
    // Recorded in November, after October closed; November closes before settlement applies it.
    const late = {
      id: 'slow',
      type: 'SMS' as const,
      amount: 150,
      occurredAt: '2026-10-05T10:00:00+09:00',
      recordedAt: '2026-11-20T10:00:00+09:00',
    };
    const november = sim.close('2026-11', at('2026-12-04T00:00:00+09:00'));
    expect(november.adjustments).toEqual([]);
    sim.apply([late], at('2026-12-10T00:00:00+09:00'));
    expect(sim.bill('2026-11')).toBe(november);
    expect(sim.bill('2026-12').adjustments).toEqual([
      { forPeriod: '2026-10', amount: 1000, usage: { dataMb: 0, voiceSeconds: 0, smsCount: 150 } },
    ]);
  });

  it('adjustments already made are not charged again; a later record adds only its own share', () => {
    const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
    sim.close('2026-10', OCTOBER_CUTOFF);
    const late = (id: string, recordedAt: string, amount: number) => ({
      id,
      type: 'DATA' as const,
      amount,
      occurredAt: '2026-10-10T10:00:00+09:00',
      recordedAt,
    });
    sim.apply([late('a', '2026-11-10T10:00:00+09:00', 1200)], at('2026-11-10T10:00:01+09:00'));
    const november = sim.close('2026-11', at('2026-12-04T00:00:00+09:00'));
    expect(november.adjustments).toEqual([
      { forPeriod: '2026-10', amount: 4000, usage: { dataMb: 1200, voiceSeconds: 0, smsCount: 0 } },
    ]);
    sim.apply([late('b', '2026-12-10T10:00:00+09:00', 50)], at('2026-12-10T10:00:01+09:00'));
    sim.apply([late('a', '2026-11-10T10:00:00+09:00', 1200)], at('2026-12-11T00:00:00+09:00'));
    expect(sim.bill('2026-12').adjustments).toEqual([
      { forPeriod: '2026-10', amount: 1000, usage: { dataMb: 50, voiceSeconds: 0, smsCount: 0 } },
    ]);
  });

  it('an open bill with nothing late shows no adjustment and total = baseFee + overageCharge', () => {
    const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
    expect(sim.bill('2026-11')).toMatchObject({
      status: 'OPEN',
      invoice: null,
      adjustments: [],
      adjustmentTotal: 0,
      total: 30000,
    });
  });
});
