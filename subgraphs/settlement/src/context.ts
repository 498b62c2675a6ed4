import type { SettledBill } from './domain/settle-bill';
import type { BillOf } from './use-cases/bill-of';
import { createBillLoader } from './use-cases/bill-loader';

export interface Context {
  /** The bill of a user for a period "YYYY-MM"; BAD_USER_INPUT for a malformed period. */
  billOf: (userId: string, period: string) => Promise<SettledBill>;
}

/** A request's context: its bill reads are batched together (one DataLoader per request). */
export function createContext(billOf: BillOf): Context {
  const bills = createBillLoader(billOf);
  return { billOf: (userId, period) => bills.load({ userId, period }) };
}
