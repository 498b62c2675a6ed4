import type { PlanTerms } from '@tally/events';
import fc from 'fast-check';
import { BASIC, PREMIUM } from './billing-fixtures';

export const FREE: PlanTerms = {
  id: 'FREE',
  name: 'Free',
  monthlyFee: 0,
  allowance: { dataMb: 0, voiceSeconds: 60, smsCount: null },
  overageRate: { perMb: 7, perVoiceSecond: 3, perSms: 0 },
};

/** The period the properties bill: a leap February, so proration by 29 days is exercised. */
export const PERIOD = '2028-02';

// Instants from a month before the period to a month after it, to the minute.
const instant = fc
  .integer({
    min: Date.parse('2028-01-01T00:00:00Z') / 60000,
    max: Date.parse('2028-03-31T00:00:00Z') / 60000,
  })
  .map((m) => new Date(m * 60000).toISOString());

export const subscriptions = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    effectiveAt: instant,
    plan: fc.constantFrom(BASIC, PREMIUM, FREE),
  }),
  { selector: (s) => s.id, maxLength: 6 },
);

export const usages = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    type: fc.constantFrom('DATA', 'VOICE', 'SMS' as const),
    amount: fc.integer({ min: 1, max: 5000 }),
    occurredAt: instant,
  }),
  { selector: (u) => u.id, maxLength: 25 },
);

/** The same items shuffled, some delivered again (as Kafka may). */
export const redelivered = <T>(items: T[]) =>
  fc
    .shuffledSubarray(items)
    .chain((again) =>
      fc.shuffledSubarray([...items, ...again], { minLength: items.length + again.length }),
    );
