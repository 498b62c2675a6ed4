import { daysInPeriod, endOfLocalDay } from '@tally/billing-time';
import fc from 'fast-check';
import { BASIC, PREMIUM, SEOUL } from '../../test/billing-fixtures';
import type { Subscription } from './plan-of-day';
import type { PlanTerms, UsageTotals } from './plan-terms';
import { rateBill, type RatedUsage } from './rate-bill';

const FREE: PlanTerms = {
  id: 'FREE',
  name: 'Free',
  monthlyFee: 0,
  allowance: { dataMb: 0, voiceSeconds: 60, smsCount: null },
  overageRate: { perMb: 7, perVoiceSecond: 3, perSms: 0 },
};
const PERIOD = '2028-02';
// Instants from a month before the period to a month after it, to the minute.
const instant = fc
  .integer({
    min: Date.parse('2028-01-01T00:00:00Z') / 60000,
    max: Date.parse('2028-03-31T00:00:00Z') / 60000,
  })
  .map((m) => new Date(m * 60000).toISOString());
const subscriptions = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    effectiveAt: instant,
    plan: fc.constantFrom(BASIC, PREMIUM, FREE),
  }),
  { selector: (s) => s.id, maxLength: 6 },
);
const usages = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    type: fc.constantFrom('DATA', 'VOICE', 'SMS' as const),
    amount: fc.integer({ min: 1, max: 5000 }),
    occurredAt: instant,
  }),
  { selector: (u) => u.id, maxLength: 25 },
);
const rate = (subs: Subscription[], use: RatedUsage[]) =>
  rateBill({ period: PERIOD, timeZone: SEOUL, subscriptions: subs, usages: use });
const add = (a: UsageTotals, b: UsageTotals): UsageTotals => ({
  dataMb: a.dataMb + b.dataMb,
  voiceSeconds: a.voiceSeconds + b.voiceSeconds,
  smsCount: a.smsCount + b.smsCount,
});

/** The same items shuffled, some delivered again (as Kafka may). */
const redelivered = <T>(items: T[]) =>
  fc
    .shuffledSubarray(items)
    .chain((again) =>
      fc.shuffledSubarray([...items, ...again], { minLength: items.length + again.length }),
    );
const endOfDay = (day: number) => endOfLocalDay(PERIOD, day, SEOUL).toISOString();

describe('rateBill: properties', () => {
  it('does not depend on the order of events nor on how often one is delivered', () => {
    fc.assert(
      fc.property(subscriptions, usages, fc.gen(), (subs, use, g) => {
        const expected = rate(subs, use);
        expect(
          rate(
            g(() => redelivered(subs)),
            g(() => redelivered(use)),
          ),
        ).toEqual(expected);
      }),
    );
  });

  it('adds up: total = baseFee + overageCharge = the sums over the lines', () => {
    fc.assert(
      fc.property(subscriptions, usages, (subs, use) => {
        const b = rate(subs, use);
        expect(b.total).toBe(b.baseFee + b.overageCharge);
        expect(b.baseFee).toBe(b.lines.reduce((n, l) => n + l.baseFee, 0));
        expect(b.overageCharge).toBe(b.lines.reduce((n, l) => n + l.overageCharge, 0));
      }),
    );
  });

  it('gives every day of the period to one line or to no plan', () => {
    fc.assert(
      fc.property(subscriptions, (subs) => {
        const b = rate(subs, []);
        const D = daysInPeriod(PERIOD);
        const planless = Array.from({ length: D }, (_, i) => endOfDay(i + 1)).filter((end) =>
          subs.every((s) => s.effectiveAt >= end),
        ).length;
        expect(b.lines.reduce((n, l) => n + l.days, 0) + planless).toBe(D);
        expect(new Set(b.lines.map((l) => l.plan.id)).size).toBe(b.lines.length);
      }),
    );
  });

  it('splits all usage of the period between the lines and unrated usage', () => {
    fc.assert(
      fc.property(subscriptions, usages, (subs, use) => {
        const b = rate(subs, use);
        expect(b.lines.reduce((t, l) => add(t, l.usage), b.unratedUsage)).toEqual(b.usage);
        const inPeriod = use.filter(
          (u) => u.occurredAt >= endOfDay(0) && u.occurredAt < endOfDay(29),
        );
        expect(b.usage.dataMb + b.usage.voiceSeconds + b.usage.smsCount).toBe(
          inPeriod.reduce((n, u) => n + u.amount, 0),
        );
        if (subs.length === 0) expect(b.unratedUsage).toEqual(b.usage);
        expect(b.lines.every((l) => l.overageCharge >= 0) && b.total >= 0).toBe(true);
      }),
    );
  });
});
