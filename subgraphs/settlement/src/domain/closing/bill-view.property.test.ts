import fc from 'fast-check';
import { BASIC, SEOUL } from '../../../test/billing-fixtures';
import { ClosingSim, type SimUsage } from '../../../test/closing-sim';
import { rateBill } from '../rate-bill';

const at = (iso: string) => new Date(iso);
const OCT_CUTOFF = at('2026-11-04T00:00:00+09:00');
const NOV_CUTOFF = at('2026-12-04T00:00:00+09:00');

// October usage recorded in October, in the grace days, late in November, or late in December.
const recorded = fc.constantFrom(
  '2026-10-25T10:00:00+09:00',
  '2026-11-02T10:00:00+09:00',
  '2026-11-15T10:00:00+09:00',
  '2026-12-15T10:00:00+09:00',
);
const usages = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 5 }),
    type: fc.constantFrom('DATA' as const, 'VOICE' as const, 'SMS' as const),
    amount: fc.integer({ min: 1, max: 3000 }),
    day: fc.integer({ min: 1, max: 31 }),
    recordedAt: recorded,
  }),
  { selector: (u) => u.id, minLength: 1, maxLength: 25 },
);

const toSim = (u: {
  id: string;
  type: SimUsage['type'];
  amount: number;
  day: number;
  recordedAt: string;
}): SimUsage => ({
  id: u.id,
  type: u.type,
  amount: u.amount,
  occurredAt: `2026-10-${String(u.day).padStart(2, '0')}T12:00:00+09:00`,
  recordedAt: u.recordedAt,
});

/** What October costs with every record known: what its invoice and adjustments must add up to. */
function ratedWithAll(items: SimUsage[]) {
  const bill = rateBill({
    period: '2026-10',
    timeZone: SEOUL,
    subscriptions: [{ id: 's', effectiveAt: '2026-10-01T00:00:00+09:00', plan: BASIC }],
    usages: items,
  });
  return { amount: bill.baseFee + bill.overageCharge, usage: bill.usage };
}

describe('closes, whatever order usage arrives in and however often', () => {
  it('the invoice and the adjustments of a period add up to the period rated with every record', () => {
    fc.assert(
      fc.property(usages, fc.gen(), (generated, g) => {
        const items = generated.map(toSim);
        // A delivery order with repeats, and the two closes at random points in it.
        const order = g(() =>
          fc.shuffledSubarray(items, { minLength: items.length, maxLength: items.length }),
        );
        const repeats = g(() => fc.subarray(items));
        const deliveries = [...order, ...repeats];
        const closeOct = g(() => fc.integer({ min: 0, max: deliveries.length }));
        const closeNov = g(() => fc.integer({ min: closeOct, max: deliveries.length }));

        const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
        deliveries.forEach((u, i) => {
          if (i === closeOct) sim.close('2026-10', OCT_CUTOFF);
          if (i === closeNov) sim.close('2026-11', NOV_CUTOFF);
          sim.apply([u], at('2026-12-20T00:00:00Z'));
        });
        if (closeOct === deliveries.length) sim.close('2026-10', OCT_CUTOFF);
        if (closeNov === deliveries.length) sim.close('2026-11', NOV_CUTOFF);

        const invoice = sim.bill('2026-10');
        const adjustments = ['2026-11', '2026-12'].flatMap((p) =>
          sim.bill(p).adjustments.filter((a) => a.forPeriod === '2026-10'),
        );
        const charged = {
          amount:
            invoice.baseFee + invoice.overageCharge + adjustments.reduce((s, a) => s + a.amount, 0),
          usage: {
            dataMb: invoice.usage.dataMb + adjustments.reduce((s, a) => s + a.usage.dataMb, 0),
            voiceSeconds:
              invoice.usage.voiceSeconds +
              adjustments.reduce((s, a) => s + a.usage.voiceSeconds, 0),
            smsCount:
              invoice.usage.smsCount + adjustments.reduce((s, a) => s + a.usage.smsCount, 0),
          },
        };
        expect(charged).toEqual(ratedWithAll(items));
      }),
      { numRuns: 300 },
    );
  });

  it('with every on-time record applied before the close, the invoice is exactly the on-time bill', () => {
    fc.assert(
      fc.property(usages, fc.gen(), (generated, g) => {
        const items = generated.map(toSim);
        const onTime = items.filter((u) => at(u.recordedAt) < OCT_CUTOFF);
        const late = items.filter((u) => at(u.recordedAt) >= OCT_CUTOFF);
        const sim = new ClosingSim({ plan: BASIC, effectiveAt: '2026-10-01T00:00:00+09:00' });
        for (const u of g(() =>
          fc.shuffledSubarray(onTime, { minLength: onTime.length, maxLength: onTime.length }),
        ))
          sim.apply([u], at('2026-11-03T00:00:00+09:00'));
        const invoice = sim.close('2026-10', OCT_CUTOFF);
        sim.apply(late, at('2026-12-20T00:00:00Z'));
        const expected = ratedWithAll(onTime);
        expect(invoice.baseFee + invoice.overageCharge).toBe(expected.amount);
        expect(sim.bill('2026-10')).toBe(invoice);
      }),
      { numRuns: 200 },
    );
  });
});
