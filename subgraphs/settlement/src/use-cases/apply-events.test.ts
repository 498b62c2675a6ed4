import { BASIC } from '../../test/billing-fixtures';
import type { BillStateStore } from '../domain/ports';
import { makeApplyEvents } from './apply-events';

describe('applying events', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const written: Array<Parameters<BillStateStore['write']>[0]> = [];
  const store: BillStateStore = {
    write: async (change) => void written.push(change),
    usageOn: async () => [],
    subscriptionsOf: async () => [],
  };
  const apply = makeApplyEvents({ store, timeZone: 'Asia/Seoul', now: () => now });
  beforeEach(() => (written.length = 0));

  it('puts usage on its day in the billing time zone and subscriptions on their user, applied now', async () => {
    await apply([
      {
        kind: 'usage',
        usageId: 'u',
        userId: 'a',
        type: 'SMS',
        amount: 2,
        occurredAt: '2026-11-30T16:00:00Z',
      },
      {
        kind: 'subscription',
        subscriptionId: 's',
        userId: 'a',
        effectiveAt: '2026-11-01T00:00:00+09:00',
        plan: BASIC,
      },
    ]);
    expect(written).toEqual([
      {
        usages: [
          { userId: 'a', day: '2026-12-01', usageId: 'u', type: 'SMS', amount: 2, appliedAt: now },
        ],
        subscriptions: [
          {
            userId: 'a',
            subscriptionId: 's',
            effectiveAt: new Date('2026-10-31T15:00:00Z'),
            plan: BASIC,
            appliedAt: now,
          },
        ],
      },
    ]);
  });

  it('writes nothing for a batch with no facts', async () => {
    await apply([]);
    expect(written).toEqual([]);
  });
});
