import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { SettlementDeps } from '../use-cases/deps';
import { createInvoiceStore } from './invoice-store';
import { openBillState } from './open-bill-state';
import { createPeriodStore } from './period-store';

/** Settlement's stores over one database, as its use cases see them. */
export async function openSettlement(
  db: Connection,
  opts: {
    timeZone: string;
    graceDays?: number;
    autoClose?: boolean;
    logger: Logger;
    now?: () => Date;
  },
): Promise<SettlementDeps> {
  const { timeZone, graceDays = 3, autoClose = true } = opts;
  const store = await openBillState(db, { timeZone, logger: opts.logger });
  const periods = createPeriodStore(db);
  return {
    store,
    periods,
    invoices: createInvoiceStore(db),
    closingBook: async () => ({ timeZone, graceDays, autoClose, ...(await periods.book()) }),
    timeZone,
    graceDays,
    now: opts.now ?? (() => new Date()),
  };
}
