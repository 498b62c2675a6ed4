import type { BillView } from './domain/closing/bill-view';
import type { BillOf } from './use-cases/bill-of';
import { createBillLoader } from './use-cases/bill-loader';
import type { CloseOutcome } from './use-cases/close-period';
import type { Invoices } from './use-cases/invoices';

export interface Context {
  /** The bill of a user for a period "YYYY-MM"; BAD_USER_INPUT for a malformed period. */
  billOf: (userId: string, period: string) => Promise<BillView>;
  invoices: Invoices;
  closePeriod: (period: string) => Promise<CloseOutcome>;
}

export interface ContextDeps {
  billOf: BillOf;
  invoices: Invoices;
  closePeriod: (period: string) => Promise<CloseOutcome>;
}

/** A request's context: its bill reads are batched together (one DataLoader per request). */
export function createContext(deps: ContextDeps): Context {
  const bills = createBillLoader(deps.billOf);
  return {
    billOf: (userId, period) => bills.load({ userId, period }),
    invoices: deps.invoices,
    closePeriod: deps.closePeriod,
  };
}
