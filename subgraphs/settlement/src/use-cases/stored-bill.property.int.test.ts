import fc from 'fast-check';
import { PERIOD, redelivered, subscriptions, usages } from '../../test/billing-arbitraries';
import { SEOUL } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import { dayOf } from '@tally/billing-time';
import type { SettlementFact } from '../domain/facts';
import type { BillStateStore } from '../domain/ports';
import { settleBill } from '../domain/settle-bill';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from './apply-events';
import { makeBillOf } from './bill-of';
import { openBill, settlementOf } from '../../test/support/settlement';

/** A delivery: the facts shuffled, some twice, cut into batches applied side by side. */
const deliveries = (facts: SettlementFact[]) =>
  redelivered(facts).chain((stream) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: Math.max(1, stream.length - 1) }), { maxLength: 4 })
      .map((cuts) => {
        const at = [0, ...cuts.sort((a, b) => a - b), stream.length];
        return at.slice(1).map((end, i) => stream.slice(at[i], end));
      }),
  );

describe('the running bill: properties on the stored state', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let store: BillStateStore;
  beforeAll(async () => {
    opened = await openDb('settlement-properties');
    store = await openBillState(opened.db, { timeZone: SEOUL, logger });
  });
  afterAll(() => opened.close());

  it('gives the pure bill whatever the order of events and however often one is delivered', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(subscriptions, usages, fc.gen(), async (subs, use, g) => {
        const userId = `user-${++run}`;
        const facts: SettlementFact[] = [
          ...subs.map((s) => ({
            kind: 'subscription' as const,
            subscriptionId: s.id,
            userId,
            effectiveAt: s.effectiveAt,
            plan: s.plan,
          })),
          ...use.map((u) => ({
            kind: 'usage' as const,
            usageId: u.id,
            userId,
            recordedAt: u.occurredAt,
            ...u,
          })),
        ];
        const batches = g(() => deliveries(facts));
        // Batch i is applied at second i; a fact's first application is its earliest batch.
        const firstApplied = new Map<SettlementFact, Date>();
        await Promise.all(
          batches.map((batch, i) => {
            const at = new Date(Date.UTC(2028, 1, 1, 0, 0, i));
            for (const f of batch) {
              const seen = firstApplied.get(f);
              if (!seen || at < seen) firstApplied.set(f, at);
            }
            return makeApplyEvents(settlementOf(opened.db, store, { now: () => at }))(batch);
          }),
        );

        const [bill] = await makeBillOf(settlementOf(opened.db, store))([
          { userId, period: PERIOD },
        ]);
        const applied = (f: SettlementFact) => firstApplied.get(f)!;
        expect(bill).toEqual(
          openBill(
            settleBill({
              userId,
              period: PERIOD,
              timeZone: SEOUL,
              subscriptions: subs.map((s, i) => ({ ...s, appliedAt: applied(facts[i]!) })),
              usages: use
                .map((u, i) => ({ ...u, appliedAt: applied(facts[subs.length + i]!) }))
                .filter((u) => dayOf(u.occurredAt, SEOUL).startsWith(PERIOD)),
            }),
          ),
        );
      }),
      // Shrinking replays against the server: bounded, so a failure reports in seconds.
      { numRuns: 25, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
    );
  });
});
