import { waitUntil } from '@tally/retry';
import { BASIC, SEOUL } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import { closerOf, settlementOf } from '../../test/support/settlement';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from './apply-events';
import { closeScheduler } from './close-scheduler';
import type { SettlementDeps } from './deps';
import { makeInvoices } from './invoices';

describe('closing on schedule', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let base: SettlementDeps;

  beforeEach(async () => {
    opened = await openDb('settlement-schedule');
    base = settlementOf(opened.db, await openBillState(opened.db, { timeZone: SEOUL, logger }), {
      autoClose: true,
    });
    await makeApplyEvents({ ...base, now: () => new Date('2026-10-31T00:00:00Z') })(
      ['user-b', 'user-a'].map((userId) => ({
        kind: 'subscription' as const,
        subscriptionId: `s-${userId}`,
        userId,
        effectiveAt: '2026-10-01T00:00:00+09:00',
        plan: BASIC,
      })),
    );
  });
  afterEach(() => opened.close());

  /** A settlement instance whose clock reads `now`, running the schedule. */
  function instance(now: string) {
    const settlement = { ...base, now: () => new Date(now) };
    const { close, announced } = closerOf(settlement);
    const scheduler = closeScheduler({ ...settlement, close, pollMs: 200, logger });
    return { scheduler, announced };
  }

  const closedThrough = async (period: string) =>
    waitUntil(async () => (await base.closingBook()).closedThrough === period, {
      deadlineMs: 30_000,
      intervalMs: 100,
    });

  it('waits for the grace to end: on day 3 of November only September (due) closes, not October', async () => {
    const early = instance('2026-11-03T23:59:00+09:00');
    await early.scheduler.start();
    await closedThrough('2026-09');
    await early.scheduler.stop();
    expect(early.announced.map((r) => [r.period, r.invoices])).toEqual([['2026-09', 0]]);
    expect(await base.periods.get('2026-10')).toBeNull();
  });

  it('two instances started after the grace: the period closes once, announced once', async () => {
    const [one, two] = [
      instance('2026-11-04T00:00:01+09:00'),
      instance('2026-11-04T00:00:02+09:00'),
    ];
    await Promise.all([one.scheduler.start(), two.scheduler.start()]);
    await closedThrough('2026-10');
    await Promise.all([one.scheduler.stop(), two.scheduler.stop()]);
    const invoices = await makeInvoices(base).page('2026-10', 0, 10);
    expect(invoices.map((i) => [i.number, i.userId])).toEqual([
      ['INV-202610-000001', 'user-a'],
      ['INV-202610-000002', 'user-b'],
    ]);
    expect(await base.periods.get('2026-10')).toMatchObject({
      state: 'closed',
      invoices: 2,
      cutoff: new Date('2026-11-04T00:00:00+09:00'),
      announced: true,
    });
    expect([...one.announced, ...two.announced].map((r) => r.period)).toEqual(['2026-10']);
  });

  it('after downtime it catches up, closing every period due, in order', async () => {
    const back = instance('2027-01-10T00:00:00+09:00');
    await back.scheduler.start();
    await closedThrough('2026-12');
    await back.scheduler.stop();
    expect(back.announced.map((r) => [r.period, r.invoices])).toEqual([
      ['2026-10', 2],
      ['2026-11', 2],
      ['2026-12', 2],
    ]);
  });
});
