import { daysInPeriod, endOfLocalDay } from '@tally/billing-time';
import fc from 'fast-check';
import { PERIOD, redelivered, subscriptions, usages } from '../../test/billing-arbitraries';
import { SEOUL } from '../../test/billing-fixtures';
import type { Subscription } from './plan-of-day';
import type { UsageTotals } from './usage-totals';
import { rateBill, type RatedUsage } from './rate-bill';

const rate = (subs: Subscription[], use: RatedUsage[]) =>
  rateBill({ period: PERIOD, timeZone: SEOUL, subscriptions: subs, usages: use });
const add = (a: UsageTotals, b: UsageTotals): UsageTotals => ({
  dataMb: a.dataMb + b.dataMb,
  voiceSeconds: a.voiceSeconds + b.voiceSeconds,
  smsCount: a.smsCount + b.smsCount,
});

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
