import { BASIC, PREMIUM, SEOUL, data, sms, sub, voice } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import type { SettlementFact } from '../domain/facts';
import type { BillStateStore } from '../domain/ports';
import type { Subscription } from '../domain/plan-of-day';
import type { RatedUsage } from '../domain/rate-bill';
import { rateBill } from '../domain/rate-bill';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from './apply-events';
import { createBillLoader } from './bill-loader';
import { makeBillOf } from './bill-of';
import { settlementOf } from '../../test/support/settlement';

const zero = { dataMb: 0, voiceSeconds: 0, smsCount: 0 };
let users = 0;

describe('bills from the running bill state', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let store: BillStateStore;
  const appliedAt = new Date('2026-12-01T00:00:00Z');
  beforeAll(async () => {
    opened = await openDb('settlement-bill-of');
    store = await openBillState(opened.db, { timeZone: SEOUL, logger });
  });
  afterAll(() => opened.close());

  /** Applies a user's subscriptions and usage as two batches, in reverse order; returns the user. */
  async function given(subscriptions: Subscription[], usages: RatedUsage[]): Promise<string> {
    const userId = `user-${++users}`;
    const facts: SettlementFact[] = [
      ...subscriptions.map((s) => ({
        kind: 'subscription' as const,
        subscriptionId: s.id,
        userId,
        effectiveAt: s.effectiveAt,
        plan: s.plan,
      })),
      ...usages.map((u) => {
        if (!('occurredAt' in u)) throw new Error('examples give instants');
        return {
          kind: 'usage' as const,
          usageId: u.id,
          userId,
          type: u.type,
          amount: u.amount,
          occurredAt: u.occurredAt,
          recordedAt: u.occurredAt,
        };
      }),
    ].reverse();
    const apply = makeApplyEvents(settlementOf(opened.db, store, { now: () => appliedAt }));
    await apply(facts.slice(0, 2));
    await apply(facts.slice(1)); // one fact delivered twice
    return userId;
  }

  const billOf = (userId: string, period: string) =>
    makeBillOf(settlementOf(opened.db, store))([{ userId, period }]).then(([b]) => {
      if (!b || b instanceof Error) throw b ?? new Error('no bill');
      return b;
    });

  describe("billing-rules.md's worked examples", () => {
    it('1. bills one plan all month with data overage (34000)', async () => {
      const subs = [sub(BASIC, '2026-10-20T00:00:00+09:00')];
      const usages = [
        data(600, '2026-11-02T10:00:00+09:00'),
        data(600, '2026-11-20T23:59:59+09:00'),
        voice(100, '2026-11-05T12:00:00+09:00'),
        sms(5, '2026-11-07T08:00:00+09:00'),
      ];
      const bill = await billOf(await given(subs, usages), '2026-11');
      expect(bill).toMatchObject({
        baseFee: 30000,
        overageCharge: 4000,
        total: 34000,
        eventsApplied: 5,
        updatedAt: appliedAt,
      });
      expect(bill.usage).toEqual({ dataMb: 1200, voiceSeconds: 100, smsCount: 5 });
      expect(bill).toMatchObject(
        rateBill({ period: '2026-11', timeZone: SEOUL, subscriptions: subs, usages }),
      );
    });

    it('2. bills a mid-month plan change by days (51000)', async () => {
      const subs = [
        sub(PREMIUM, '2026-11-16T09:00:00+09:00'),
        sub(BASIC, '2026-11-01T00:00:00+09:00'),
      ];
      const usages = [
        data(800, '2026-11-10T12:00:00+09:00'),
        data(5000, '2026-11-16T08:00:00+09:00'),
      ];
      const bill = await billOf(await given(subs, usages), '2026-11');
      expect(bill).toMatchObject({
        baseFee: 45000,
        overageCharge: 6000,
        total: 51000,
        eventsApplied: 4,
      });
      expect(bill.lines.map((l) => [l.plan.id, l.days, l.baseFee, l.overageCharge])).toEqual([
        ['BASIC-30', 15, 15000, 6000],
        ['PREMIUM-60', 15, 30000, 0],
      ]);
      expect(bill).toMatchObject(
        rateBill({ period: '2026-11', timeZone: SEOUL, subscriptions: subs, usages }),
      );
    });

    it('3. puts usage in the period of its day in the billing time zone', async () => {
      const user = await given(
        [sub(BASIC, '2026-10-20T00:00:00+09:00')],
        [data(1, '2026-11-30T16:00:00Z')],
      );
      expect((await billOf(user, '2026-11')).usage).toEqual(zero);
      expect((await billOf(user, '2026-12')).usage).toEqual({
        dataMb: 1,
        voiceSeconds: 0,
        smsCount: 0,
      });
    });

    it('4. leaves usage before the first subscription unrated and prorates the rest (n = 20)', async () => {
      const bill = await billOf(
        await given(
          [sub(BASIC, '2026-11-11T12:00:00+09:00')],
          [data(100, '2026-11-05T12:00:00+09:00')],
        ),
        '2026-11',
      );
      expect(bill.unratedUsage).toEqual({ dataMb: 100, voiceSeconds: 0, smsCount: 0 });
      expect(bill.lines).toEqual([
        expect.objectContaining({
          days: 20,
          baseFee: 20000,
          allowance: { dataMb: 666, voiceSeconds: 4000, smsCount: 66 },
          usage: zero,
        }),
      ]);
      expect(bill.total).toBe(20000);
    });
  });

  it('gives a zero bill with no events and no updatedAt for a user with nothing stored', async () => {
    expect(await billOf('nobody', '2026-11')).toMatchObject({
      total: 0,
      lines: [],
      eventsApplied: 0,
      updatedAt: null,
    });
  });

  it("reads a request's bills in one lookup per collection, failing only the malformed period", async () => {
    const calls = { usageOn: 0, usersOf: 0 };
    const counting: BillStateStore = {
      ...store,
      usageOn: (days) => (calls.usageOn++, store.usageOn(days)),
      usersOf: (ids) => (calls.usersOf++, store.usersOf(ids)),
    };
    const userIds = await Promise.all(
      [1, 2, 3].map((n) =>
        given([sub(BASIC, '2026-10-01T00:00:00+09:00')], [sms(n, '2026-11-03T10:00:00+09:00')]),
      ),
    );
    const loader = createBillLoader(makeBillOf(settlementOf(opened.db, counting)));
    const [bills, bad] = await Promise.all([
      Promise.all(userIds.map((u) => loader.load({ userId: u, period: '2026-11' }))),
      loader.load({ userId: userIds[0]!, period: '2026-13' }).catch((e: unknown) => e),
    ]);
    expect(bills.map((b) => b.usage.smsCount)).toEqual([1, 2, 3]);
    expect(bad).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(calls).toEqual({ usageOn: 1, usersOf: 1 });
  });
});
