import type { Connection } from 'mongoose';
import type { BillStateStore } from '../../src/domain/ports';
import { createInvoiceStore } from '../../src/store/invoice-store';
import { createPeriodStore } from '../../src/store/period-store';
import type { BillView } from '../../src/domain/closing/bill-view';
import type { PeriodRecord } from '../../src/domain/closing/ports';
import type { SettledBill } from '../../src/domain/settle-bill';
import { makeClosePeriod, type CloseDeps } from '../../src/use-cases/close-period';
import type { SettlementDeps } from '../../src/use-cases/deps';
import { SEOUL } from '../billing-fixtures';
import { logger } from './infra';

/**
 * Settlement's use-case dependencies around a test's store: the real period and invoice stores
 * of the same database, Seoul, 3 grace days, and no automatic closing unless asked.
 */
export function settlementOf(
  db: Connection,
  store: BillStateStore,
  overrides: Partial<Omit<SettlementDeps, 'store'>> & { autoClose?: boolean } = {},
): SettlementDeps {
  const { autoClose = false, ...rest } = overrides;
  const periods = createPeriodStore(db);
  const timeZone = rest.timeZone ?? SEOUL;
  const graceDays = rest.graceDays ?? 3;
  return {
    store,
    periods,
    invoices: createInvoiceStore(db),
    closingBook: async () => ({ timeZone, graceDays, autoClose, ...(await periods.book()) }),
    timeZone,
    graceDays,
    now: () => new Date(),
    ...rest,
  };
}

/**
 * A close over the test's stores: settlement counts as caught up with its topics at once, and
 * PeriodClosed announcements are kept in `announced` instead of published (the consumer and
 * Kafka side are covered by the tests that run them).
 */
export function closerOf(settlement: SettlementDeps, overrides: Partial<CloseDeps> = {}) {
  const announced: PeriodRecord[] = [];
  const close = makeClosePeriod({
    ...settlement,
    owner: `test-${Math.random().toString(36).slice(2)}`,
    leaseMs: 30_000,
    chunkSize: 50,
    caughtUp: async () => {},
    announce: async (record) => void announced.push(record),
    logger,
    ...overrides,
  });
  return { close, announced };
}

/** A running bill as the API shows it while its period is open and nothing is late. */
export const openBill = (settled: SettledBill): BillView => ({
  ...settled,
  status: 'OPEN',
  invoice: null,
  adjustments: [],
  adjustmentTotal: 0,
});
