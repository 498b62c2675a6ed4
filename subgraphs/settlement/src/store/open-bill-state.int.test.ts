import { BASIC, PREMIUM } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import { dayOf } from '@tally/billing-time';
import { settleBill } from '../domain/settle-bill';
import { makeBillOf } from '../use-cases/bill-of';
import { openBillState } from './open-bill-state';
import { openBill, settlementOf } from '../../test/support/settlement';

const SEOUL = 'Asia/Seoul';
const t = (iso: string) => new Date(iso);
const collections = async (db: Awaited<ReturnType<typeof openDb>>['db']) =>
  (await db.listCollections()).map((c) => c.name).sort();

describe('opening the bill state', () => {
  it('starts an empty database at layout 3 with no migration', async () => {
    const opened = await openDb('settlement-fresh');
    try {
      await openBillState(opened.db, { timeZone: SEOUL, logger });
      expect(await collections(opened.db)).toEqual(['settlement_meta', 'tally_layout']);
      const layout = await opened.db
        .collection<{ _id: string }>('tally_layout')
        .findOne({ _id: 'settlement' });
      expect(layout).toMatchObject({ version: 3 });
      expect(layout).not.toHaveProperty('migratedAt');
    } finally {
      await opened.close();
    }
  });

  it('refuses to start when the billing time zone changed, saying how to rebuild', async () => {
    const opened = await openDb('settlement-tz');
    try {
      await openBillState(opened.db, { timeZone: SEOUL, logger });
      await expect(openBillState(opened.db, { timeZone: SEOUL, logger })).resolves.toBeDefined();
      await expect(openBillState(opened.db, { timeZone: 'UTC', logger })).rejects.toThrow(
        /bucketed by day in Asia\/Seoul, but billing\.timeZone is now UTC.*npm run rebuild:settlement/,
      );
    } finally {
      await opened.close();
    }
  });

  it('migrates layout 1 into running bills that give the same bills, and drops the old collections', async () => {
    const opened = await openDb('settlement-migrate');
    try {
      const subscriptions = [
        {
          _id: 's-1',
          userId: 'user-a',
          effectiveAt: t('2026-10-20T00:00:00+09:00'),
          plan: BASIC,
          eventId: 'e1',
          appliedAt: t('2026-10-20T00:00:01Z'),
        },
        {
          _id: 's-2',
          userId: 'user-a',
          effectiveAt: t('2026-11-16T09:00:00+09:00'),
          plan: PREMIUM,
          eventId: 'e2',
          appliedAt: t('2026-11-16T00:00:01Z'),
        },
        {
          _id: 's.3',
          userId: 'user-b',
          effectiveAt: t('2026-11-11T12:00:00+09:00'),
          plan: BASIC,
          eventId: 'e3',
          appliedAt: t('2026-11-11T03:00:01Z'),
        },
      ];
      // 2,500 usage records: more than one migration batch, over two periods and two users.
      const usages = Array.from({ length: 2500 }, (_, i) => ({
        _id: `u.${i}`,
        userId: i % 2 ? 'user-a' : 'user-b',
        type: (['DATA', 'VOICE', 'SMS'] as const)[i % 3]!,
        amount: 1 + (i % 7),
        occurredAt: new Date(Date.parse('2026-10-25T00:00:00Z') + i * 1_500_000),
        eventId: `e-u${i}`,
        appliedAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 1000),
      }));
      await opened.db.collection<{ _id: string }>('subscription_facts').insertMany(subscriptions);
      await opened.db.collection<{ _id: string }>('usage_facts').insertMany(usages);

      const expected = (userId: string, period: string) =>
        settleBill({
          userId,
          period,
          timeZone: SEOUL,
          subscriptions: subscriptions
            .filter((s) => s.userId === userId)
            .map((s) => ({
              id: s._id,
              effectiveAt: s.effectiveAt,
              plan: s.plan,
              appliedAt: s.appliedAt,
            })),
          usages: usages
            .filter((u) => u.userId === userId && dayOf(u.occurredAt, SEOUL).startsWith(period))
            .map((u) => ({
              id: u._id,
              type: u.type,
              amount: u.amount,
              occurredAt: u.occurredAt,
              appliedAt: u.appliedAt,
            })),
        });

      const store = await openBillState(opened.db, { timeZone: SEOUL, logger });
      const requests = ['user-a', 'user-b'].flatMap((userId) =>
        ['2026-10', '2026-11', '2026-12'].map((period) => ({ userId, period })),
      );
      const bills = await makeBillOf(settlementOf(opened.db, store))(requests);
      expect(bills).toEqual(requests.map((r) => openBill(expected(r.userId, r.period))));
      expect(bills.some((b) => 'total' in b && b.total > 0 && b.eventsApplied > 100)).toBe(true);

      expect(await collections(opened.db)).toEqual([
        'settlement_meta',
        'tally_layout',
        'usage_days',
        'user_plans',
      ]);
      expect(
        await opened.db.collection<{ _id: string }>('tally_layout').findOne({ _id: 'settlement' }),
      ).toMatchObject({
        version: 3,
        migratedAt: expect.any(Date),
      });
      // Started again: nothing left to migrate, the same bills.
      const again = await openBillState(opened.db, { timeZone: SEOUL, logger });
      expect(await makeBillOf(settlementOf(opened.db, again))(requests)).toEqual(bills);
    } finally {
      await opened.close();
    }
  });

  it('finishes a migration cut short: run again over half-built buckets, the same bills', async () => {
    const opened = await openDb('settlement-remigrate');
    try {
      const facts = Array.from({ length: 30 }, (_, i) => ({
        _id: `u-${i}`,
        userId: 'user-c',
        type: 'DATA' as const,
        amount: 10 + i,
        occurredAt: new Date(Date.parse('2026-11-01T00:00:00Z') + i * 86_400_000 * 0.9),
        appliedAt: new Date(Date.parse('2026-11-02T00:00:00Z') + i * 1000),
      }));
      await opened.db.collection<{ _id: string }>('usage_facts').insertMany(facts);
      // What a crash leaves: some buckets written (with a later appliedAt), the old facts still there.
      await opened.db
        .collection<Record<string, unknown> & { _id: string }>('usage_days')
        .insertOne({
          _id: 'user-c|2026-11-01',
          userId: 'user-c',
          day: '2026-11-01',
          items: { 'u-0': { t: 'DATA', a: 10, at: t('2030-01-01T00:00:00Z') } },
        });
      const store = await openBillState(opened.db, { timeZone: SEOUL, logger });
      const [bill] = await makeBillOf(settlementOf(opened.db, store))([
        { userId: 'user-c', period: '2026-11' },
      ]);
      expect(bill).toMatchObject({
        eventsApplied: facts.filter((f) => f.occurredAt < t('2026-11-30T15:00:00Z')).length,
        updatedAt: expect.any(Date),
      });
      const items = await store.usageOn([{ userId: 'user-c', day: '2026-11-01' }]);
      expect(items.find((u) => u.usageId === 'u-0')?.appliedAt).toEqual(facts[0]!.appliedAt);
    } finally {
      await opened.close();
    }
  });
});
