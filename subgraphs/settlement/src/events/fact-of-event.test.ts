import { createEvent } from '@tally/events';
import { BASIC } from '../../test/billing-fixtures';
import { factsOf } from './fact-of-event';

describe('factsOf', () => {
  it('takes a usage record from UsageRecorded', () => {
    const event = createEvent('UsageRecorded', 'user-1', {
      usageId: 'u-1',
      userId: 'user-1',
      type: 'SMS',
      amount: 3,
      occurredAt: '2026-11-04T10:00:00+09:00',
      recordedAt: '2026-11-04T10:00:01+09:00',
    });
    expect(factsOf(event)).toEqual([
      {
        kind: 'usage',
        usageId: 'u-1',
        userId: 'user-1',
        type: 'SMS',
        amount: 3,
        occurredAt: '2026-11-04T10:00:00+09:00',
        recordedAt: '2026-11-04T10:00:01+09:00',
      },
    ]);
  });

  it('takes a subscription from PlanSubscribed', () => {
    const event = createEvent('PlanSubscribed', 'user-1', {
      subscriptionId: 's-1',
      userId: 'user-1',
      effectiveAt: '2026-11-01T00:00:00+09:00',
      plan: BASIC,
    });
    expect(factsOf(event)).toEqual([
      {
        kind: 'subscription',
        subscriptionId: 's-1',
        userId: 'user-1',
        effectiveAt: '2026-11-01T00:00:00+09:00',
        plan: BASIC,
      },
    ]);
  });

  it('takes nothing from the events that do not shape a bill', () => {
    expect(factsOf(createEvent('PlanCreated', 'BASIC-30', { plan: BASIC }))).toEqual([]);
  });
});
