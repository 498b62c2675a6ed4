import { BASIC } from '../../test/billing-fixtures';
import type { BillStateStore } from '../domain/ports';
import type { SettlementDeps } from './deps';
import { makeApplyEvents } from './apply-events';

describe('applying events', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  const written: Array<Parameters<BillStateStore['write']>[0]> = [];
  const store: BillStateStore = {
    write: async (change) => void written.push(change),
    usageOn: async () => [],
    usersOf: async () => [],
    allUsers: async function* () {},
    markAccounted: async () => {},
  };
  const apply = makeApplyEvents({
    store,
    timeZone: 'Asia/Seoul',
    now: () => now,
  } as Pick<SettlementDeps, 'store' | 'timeZone' | 'now'> as SettlementDeps);
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
        recordedAt: '2026-11-30T16:00:01Z',
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
          {
            userId: 'a',
            day: '2026-12-01',
            usageId: 'u',
            type: 'SMS',
            amount: 2,
            recordedAt: new Date('2026-11-30T16:00:01Z'),
            appliedAt: now,
          },
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
        marks: [{ userId: 'a', usagePeriods: ['2026-12'], changedAfterEnd: [] }],
      },
    ]);
  });

  it('marks a user’s period with usage once, and counts every write of usage applied after its period ended', async () => {
    const late = (usageId: string) => ({
      kind: 'usage' as const,
      usageId,
      userId: 'b',
      type: 'DATA' as const,
      amount: 1,
      occurredAt: '2026-10-20T12:00:00+09:00',
      recordedAt: '2026-11-10T12:00:00+09:00',
    });
    await apply([late('l1'), late('l2')]);
    await apply([late('l3')]);
    expect(written.map((w) => w.marks)).toEqual([
      [{ userId: 'b', usagePeriods: ['2026-10'], changedAfterEnd: ['2026-10'] }],
      [{ userId: 'b', usagePeriods: [], changedAfterEnd: ['2026-10'] }],
    ]);
  });

  it('writes nothing for a batch with no facts', async () => {
    await apply([]);
    expect(written).toEqual([]);
  });
});
