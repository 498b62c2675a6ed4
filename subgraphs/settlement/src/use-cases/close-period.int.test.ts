import { BASIC, SEOUL } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import { closerOf, settlementOf } from '../../test/support/settlement';
import type { SettlementFact } from '../domain/facts';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from './apply-events';
import { makeBillOf } from './bill-of';
import type { SettlementDeps } from './deps';
import { makeInvoices } from './invoices';

const OCT = '2026-10';

describe('closing a period on the real stores', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let settlement: SettlementDeps;

  beforeEach(async () => {
    opened = await openDb('settlement-close');
    settlement = settlementOf(
      opened.db,
      await openBillState(opened.db, { timeZone: SEOUL, logger }),
    );
  });
  afterEach(() => opened.close());

  const subscription = (userId: string, effectiveAt: string): SettlementFact => ({
    kind: 'subscription',
    subscriptionId: `s-${userId}`,
    userId,
    effectiveAt,
    plan: BASIC,
  });
  const usage = (
    userId: string,
    id: string,
    amount: number,
    occurredAt: string,
    recordedAt = occurredAt,
  ): SettlementFact => ({
    kind: 'usage',
    usageId: id,
    userId,
    type: 'DATA',
    amount,
    occurredAt,
    recordedAt,
  });

  /** Users c, a, b subscribed in October (b with overage), d only from December: 3 invoices. */
  async function october() {
    await makeApplyEvents({ ...settlement, now: () => new Date('2026-10-31T00:00:00Z') })([
      subscription('user-c', '2026-10-01T00:00:00+09:00'),
      subscription('user-a', '2026-10-16T00:00:00+09:00'),
      subscription('user-b', '2026-10-01T00:00:00+09:00'),
      subscription('user-d', '2026-12-01T00:00:00+09:00'),
      usage('user-b', 'b1', 1500, '2026-10-10T10:00:00+09:00'),
    ]);
    return makeBillOf(settlement)(
      ['user-a', 'user-b', 'user-c'].map((userId) => ({ userId, period: OCT })),
    );
  }

  it('issues an invoice to each user with a plan or usage in the period, numbered in order of user id', async () => {
    const before = await october();
    const { close, announced } = closerOf(settlement);
    expect(await close.closeThrough(OCT, true)).toEqual({
      period: OCT,
      invoices: 3,
      alreadyClosed: false,
    });

    const page = await makeInvoices(settlement).page(OCT, 0, 10);
    expect(page.map((i) => [i.number, i.userId, i.total])).toEqual([
      ['INV-202610-000001', 'user-a', 15483],
      ['INV-202610-000002', 'user-b', 40000],
      ['INV-202610-000003', 'user-c', 30000],
    ]);
    // The invoices add up to what the bills showed at the close.
    expect(page.map((i) => i.total)).toEqual(before.map((b) => (b as { total: number }).total));
    const bills = await makeBillOf(settlement)([
      { userId: 'user-b', period: OCT },
      { userId: 'user-d', period: OCT },
    ]);
    expect(bills[0]).toMatchObject({
      status: 'CLOSED',
      total: 40000,
      invoice: { number: 'INV-202610-000002' },
    });
    expect(bills[1]).toMatchObject({ status: 'CLOSED', total: 0, invoice: null });
    expect(announced.map((r) => [r.period, r.invoices])).toEqual([[OCT, 3]]);
    expect(await makeInvoices(settlement).byNumber('INV-202610-000003')).toMatchObject({
      userId: 'user-c',
    });
    expect(await makeInvoices(settlement).byNumber('INV-202610-000004')).toBeNull();
  });

  it('closing twice, or from two instances at once, issues each invoice once', async () => {
    await october();
    const [one, two] = [closerOf(settlement), closerOf(settlement)];
    const outcomes = await Promise.all([
      one.close.closeThrough(OCT, true),
      two.close.closeThrough(OCT, true),
    ]);
    expect(outcomes.map((o) => o.invoices)).toEqual([3, 3]);
    expect(await one.close.closeThrough(OCT, true)).toEqual({
      period: OCT,
      invoices: 3,
      alreadyClosed: true,
    });
    const frozen = await opened.db.collection('frozen_bills').find({}).toArray();
    expect(frozen.map((d) => d.number).sort()).toEqual([
      'INV-202610-000001',
      'INV-202610-000002',
      'INV-202610-000003',
    ]);
  });

  it('a close cut short resumes under another instance with the same numbers and totals', async () => {
    await october();
    // The first closer fails after freezing two bills, one per round (e2e kills a real one).
    let frozenChunks = 0;
    const crash = new Error('SIGKILL');
    const failing = closerOf(
      {
        ...settlement,
        periods: {
          ...settlement.periods,
          progress: async (p, progress) => {
            await settlement.periods.progress(p, progress);
            if (++frozenChunks === 2) throw crash;
          },
        },
      },
      { chunkSize: 1, leaseMs: 1500 },
    );
    await expect(failing.close.closeThrough(OCT, true)).rejects.toBe(crash);
    const record = await settlement.periods.get(OCT);
    expect(record).toMatchObject({ state: 'closing', progress: { frozen: 2 } });

    const after = closerOf(settlement, { chunkSize: 1 });
    expect(await after.close.closeThrough(OCT, true)).toMatchObject({ invoices: 3 });
    const page = await makeInvoices(settlement).page(OCT, 0, 10);
    expect(page.map((i) => [i.number, i.userId, i.total])).toEqual([
      ['INV-202610-000001', 'user-a', 15483],
      ['INV-202610-000002', 'user-b', 40000],
      ['INV-202610-000003', 'user-c', 30000],
    ]);
  });

  it('refuses a period that has not ended, and closes every earlier open period first', async () => {
    await october();
    const { close } = closerOf({ ...settlement, now: () => new Date('2026-11-20T00:00:00+09:00') });
    await expect(close.closeThrough('2026-11', true)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const later = closerOf({ ...settlement, now: () => new Date('2026-12-02T00:00:00+09:00') });
    expect(await later.close.closeThrough('2026-11', true)).toMatchObject({ invoices: 3 });
    expect(await settlement.periods.get(OCT)).toMatchObject({ state: 'closed', invoices: 3 });
  });

  it('by hand, the cutoff is the close: with the schedule off, usage recorded until then is on time', async () => {
    await october();
    await makeApplyEvents(settlement)([
      usage(
        'user-c',
        'c-recorded-later',
        500,
        '2026-10-20T10:00:00+09:00',
        '2026-11-20T10:00:00+09:00',
      ),
    ]);
    const closeAt = new Date('2026-12-02T12:00:00+09:00');
    const { close } = closerOf({ ...settlement, now: () => closeAt });
    await close.closeThrough(OCT, true);
    expect(await settlement.periods.get(OCT)).toMatchObject({ cutoff: closeAt });
    const [c] = await makeBillOf(settlement)([{ userId: 'user-c', period: OCT }]);
    expect(c).toMatchObject({ status: 'CLOSED', usage: { dataMb: 500 } });
  });

  it('by hand, with the schedule on, a period past its schedule keeps the scheduled cutoff', async () => {
    await october();
    await makeApplyEvents(settlement)([
      usage('user-c', 'c-late', 500, '2026-10-20T10:00:00+09:00', '2026-11-20T10:00:00+09:00'),
    ]);
    const scheduled = {
      ...settlement,
      closingBook: async () => ({ ...(await settlement.closingBook()), autoClose: true }),
    };
    const { close } = closerOf({ ...scheduled, now: () => new Date('2026-12-02T12:00:00+09:00') });
    await close.closeThrough(OCT, true);
    expect(await settlement.periods.get(OCT)).toMatchObject({
      cutoff: new Date('2026-11-04T00:00:00+09:00'),
    });
    const [c, november] = await makeBillOf(scheduled)([
      { userId: 'user-c', period: OCT },
      { userId: 'user-c', period: '2026-11' },
    ]);
    expect(c).toMatchObject({ status: 'CLOSED', usage: { dataMb: 0 } });
    // Recorded on 2026-11-20: November's bill carries it.
    expect(november).toMatchObject({ adjustments: [{ forPeriod: OCT, usage: { dataMb: 500 } }] });
  });
});
