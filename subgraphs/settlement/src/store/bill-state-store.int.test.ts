import { BASIC, PREMIUM } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import type { BillStateStore } from '../domain/ports';
import { openBillState } from './open-bill-state';

const t = (iso: string) => new Date(iso);

describe('the bill state store', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let store: BillStateStore;
  beforeAll(async () => {
    opened = await openDb('settlement-store');
    store = await openBillState(opened.db, { timeZone: 'Asia/Seoul', logger });
  });
  afterAll(() => opened.close());

  const usage = (usageId: string, day: string, appliedAt: string, amount = 5) => ({
    userId: 'user-1',
    day,
    usageId,
    type: 'DATA' as const,
    amount,
    appliedAt: t(appliedAt),
    recordedAt: t(appliedAt),
  });

  it('keeps a day of usage in one document keyed by user and day', async () => {
    await store.write({
      usages: [
        usage('u.1', '2026-11-02', '2026-11-02T00:00:00Z'),
        usage('$u2', '2026-11-02', '2026-11-02T00:00:00Z', 7),
        usage('u%3', '2026-11-03', '2026-11-02T00:00:00Z', 9),
      ],
      subscriptions: [],
      marks: [],
    });
    const raw = await opened.db
      .collection<{ _id: string }>('usage_days')
      .findOne({ _id: 'user-1|2026-11-02' });
    expect(raw).toEqual({
      _id: 'user-1|2026-11-02',
      userId: 'user-1',
      day: '2026-11-02',
      items: {
        'u%2E1': { t: 'DATA', a: 5, at: t('2026-11-02T00:00:00Z'), r: t('2026-11-02T00:00:00Z') },
        '%24u2': { t: 'DATA', a: 7, at: t('2026-11-02T00:00:00Z'), r: t('2026-11-02T00:00:00Z') },
      },
    });
    const read = await store.usageOn([
      { userId: 'user-1', day: '2026-11-02' },
      { userId: 'user-1', day: '2026-11-03' },
      { userId: 'user-1', day: '2026-11-04' },
    ]);
    expect(read.map((u) => [u.usageId, u.day, u.amount]).sort()).toEqual([
      ['$u2', '2026-11-02', 7],
      ['u%3', '2026-11-03', 9],
      ['u.1', '2026-11-02', 5],
    ]);
  });

  it('changes nothing when a fact comes again, later or in another batch, but keeps its first application', async () => {
    const first = usage('again', '2026-11-05', '2026-11-05T10:00:00Z');
    await store.write({ usages: [first], subscriptions: [], marks: [] });
    await store.write({
      usages: [{ ...first, appliedAt: t('2026-11-06T00:00:00Z') }, first],
      subscriptions: [],
      marks: [],
    });
    await store.write({
      usages: [{ ...first, appliedAt: t('2026-11-05T09:00:00Z') }],
      subscriptions: [],
      marks: [],
    });
    expect(await store.usageOn([{ userId: 'user-1', day: '2026-11-05' }])).toEqual([
      { ...first, appliedAt: t('2026-11-05T09:00:00Z') },
    ]);
  });

  it("keeps a user's subscriptions in one document keyed by user", async () => {
    const sub = (subscriptionId: string, effectiveAt: string, at: string, plan = BASIC) => ({
      userId: 'user-2',
      subscriptionId,
      effectiveAt: t(effectiveAt),
      plan,
      appliedAt: t(at),
    });
    const basic = sub('s.1', '2026-10-01T00:00:00Z', '2026-10-01T00:00:05Z');
    const premium = sub('s2', '2026-11-16T00:00:00Z', '2026-11-16T00:00:05Z', PREMIUM);
    await store.write({ usages: [], subscriptions: [premium, basic], marks: [] });
    await store.write({
      usages: [],
      subscriptions: [{ ...basic, appliedAt: t('2026-12-01T00:00:00Z') }],
      marks: [],
    });
    const raw = await opened.db
      .collection<{ _id: string; subs: object }>('user_plans')
      .findOne({ _id: 'user-2' });
    expect(Object.keys(raw?.subs ?? {}).sort()).toEqual(['s%2E1', 's2']);
    const [read, ...none] = await store.usersOf(['user-2', 'nobody']);
    expect(none).toEqual([]);
    expect(
      read!.subscriptions.sort((a, b) => a.subscriptionId.localeCompare(b.subscriptionId)),
    ).toEqual([basic, premium]);
  });

  it('marks written after the usage: periods with usage once, and a counter per write after a period ended', async () => {
    const marks = [{ userId: 'user-3', usagePeriods: ['2026-10'], changedAfterEnd: ['2026-10'] }];
    await store.write({ usages: [], subscriptions: [], marks });
    await store.write({ usages: [], subscriptions: [], marks });
    await store.markAccounted([{ userId: 'user-3', accounted: { '2026-10': 1 } }]);
    await store.markAccounted([{ userId: 'user-3', accounted: { '2026-10': 0 } }]);
    expect(await store.usersOf(['user-3'])).toEqual([
      {
        userId: 'user-3',
        subscriptions: [],
        usagePeriods: ['2026-10'],
        changes: { '2026-10': 2 },
        accounted: { '2026-10': 1 },
      },
    ]);
    const all: string[] = [];
    for await (const u of store.allUsers()) all.push(u.userId);
    expect(all.sort()).toEqual(['user-2', 'user-3']);
  });

  it('reads nothing for keys that hold nothing', async () => {
    expect(await store.usageOn([])).toEqual([]);
    expect(await store.usersOf([])).toEqual([]);
    expect(await store.usageOn([{ userId: 'nobody', day: '2026-11-01' }])).toEqual([]);
  });
});
