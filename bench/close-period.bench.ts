import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { openDb } from '@tally/testkit';
import { BASIC, SEOUL } from '../subgraphs/settlement/test/billing-fixtures';
import { logger } from '../subgraphs/settlement/test/support/infra';
import { closerOf, settlementOf } from '../subgraphs/settlement/test/support/settlement';
import type { SettlementFact } from '../subgraphs/settlement/src/domain/facts';
import { openBillState } from '../subgraphs/settlement/src/store/open-bill-state';
import { makeApplyEvents } from '../subgraphs/settlement/src/use-cases/apply-events';
import { makeBillOf } from '../subgraphs/settlement/src/use-cases/bill-of';
import { makeInvoices } from '../subgraphs/settlement/src/use-cases/invoices';

/**
 * What closing a month costs on settlement's real stores (mongo-java-server): USERS users with
 * a plan and a few usage records each, then closePeriod's work (freeze every bill, keep the
 * list, number the invoices) timed, a second close (already closed), and reads of closed bills,
 * invoice pages and a late record's adjustment. Results in bench/results/close-period.json.
 */
const USERS = Number(process.env.BENCH_CLOSE_USERS ?? 20_000);
const RECORDS_PER_USER = 3;
const APPLY_BATCH = 1000;
const CHUNK = 200; // closing.chunkSize's default
const OCT = '2026-10';

const userId = (i: number) => `bench-${String(i).padStart(7, '0')}`;
const sample = (n: number) => Array.from({ length: n }, (_, k) => Math.floor((k * USERS) / n));

function factsOf(i: number): SettlementFact[] {
  const id = userId(i);
  return [
    {
      kind: 'subscription',
      subscriptionId: `s-${id}`,
      userId: id,
      effectiveAt: '2026-10-01T00:00:00+09:00',
      plan: BASIC,
    },
    ...Array.from({ length: RECORDS_PER_USER }, (_, r): SettlementFact => {
      const at = `2026-10-${String(1 + ((i + r) % 28)).padStart(2, '0')}T12:00:00+09:00`;
      return {
        kind: 'usage',
        usageId: `u-${id}-${r}`,
        userId: id,
        type: 'DATA',
        amount: 500,
        occurredAt: at,
        recordedAt: at,
      };
    }),
  ];
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = process.hrtime.bigint();
  const value = await run();
  return [value, Number(process.hrtime.bigint() - started) / 1e6];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('benchmark: closing a period', () => {
  it(`closes a month of ${USERS} users`, async () => {
    const opened = await openDb('bench-close');
    try {
      const settlement = settlementOf(
        opened.db,
        await openBillState(opened.db, { timeZone: SEOUL, logger }),
      );
      const apply = makeApplyEvents({ ...settlement, now: () => new Date('2026-10-31T00:00:00Z') });
      const [, applyMs] = await timed(async () => {
        for (let from = 0; from < USERS; from += APPLY_BATCH) {
          const facts = [];
          for (let i = from; i < Math.min(USERS, from + APPLY_BATCH); i++)
            facts.push(...factsOf(i));
          await apply(facts);
          if ((from / APPLY_BATCH) % 5 === 0)
            console.log(`bench: applied ${from + APPLY_BATCH} of ${USERS} users`);
        }
      });

      const { close } = closerOf(settlement, { chunkSize: CHUNK });
      const [outcome, closeMs] = await timed(() => close.closeThrough(OCT, true));
      if (outcome.invoices !== USERS)
        throw new Error(`expected ${USERS} invoices: ${JSON.stringify(outcome)}`);
      const [again, againMs] = await timed(() => close.closeThrough(OCT, true));
      if (!again.alreadyClosed) throw new Error('second close did not find the period closed');

      const billOf = makeBillOf(settlement);
      const billMs: number[] = [];
      for (const i of sample(200))
        billMs.push((await timed(() => billOf([{ userId: userId(i), period: OCT }])))[1]);

      const invoices = makeInvoices(settlement);
      const pageMs: number[] = [];
      for (const i of sample(20)) pageMs.push((await timed(() => invoices.page(OCT, i, 200)))[1]);

      // A late October record for one user: recorded in November, so an adjustment shows.
      const late = userId(Math.floor(USERS / 2));
      await makeApplyEvents({ ...settlement, now: () => new Date('2026-11-10T00:00:00Z') })([
        {
          kind: 'usage',
          usageId: `late-${late}`,
          userId: late,
          type: 'DATA',
          amount: 1000,
          occurredAt: '2026-10-20T12:00:00+09:00',
          recordedAt: '2026-11-10T09:00:00+09:00',
        },
      ]);
      const [[novBill], adjustedMs] = await timed(() =>
        billOf([{ userId: late, period: '2026-11' }]),
      );
      const adjustment = (novBill as { adjustmentTotal?: number } | undefined)?.adjustmentTotal;
      if (!adjustment) throw new Error(`no adjustment on ${late}'s November bill`);

      const result = {
        at: new Date().toISOString(),
        users: USERS,
        usageRecordsPerUser: RECORDS_PER_USER,
        chunkSize: CHUNK,
        applySeconds: Math.round(applyMs) / 1000,
        closeSeconds: Math.round(closeMs) / 1000,
        invoicesPerSecond: Math.round(USERS / (closeMs / 1000)),
        secondCloseMs: Math.round(againMs),
        closedBillReadMsMedian: Math.round(median(billMs) * 10) / 10,
        invoicePageOf200MsMedian: Math.round(median(pageMs) * 10) / 10,
        adjustedBillReadMs: Math.round(adjustedMs * 10) / 10,
        adjustment,
        machine: `${cpus().length} cores, node ${process.version}, mongo-java-server (memory backend, as in tests)`,
      };
      writeFileSync(
        join(__dirname, 'results', 'close-period.json'),
        `${JSON.stringify(result, null, 2)}\n`,
      );
      console.log(`bench: ${JSON.stringify(result)}`);
      expect(result.users).toBe(USERS); // the run completed; the figures are the result
    } finally {
      await opened.close();
    }
  });
});
