import DataLoader from 'dataloader';
import type { SettledBill } from '../domain/settle-bill';
import type { BillOf, BillRequest } from './bill-of';

/**
 * One per GraphQL request: every bill the request asks for (e.g. `bill` under each user of a
 * page) is read in one batch, one `$in` per collection.
 */
export function createBillLoader(billOf: BillOf): DataLoader<BillRequest, SettledBill, string> {
  return new DataLoader<BillRequest, SettledBill, string>(billOf, {
    cacheKeyFn: (r) => `${r.userId}|${r.period}`,
  });
}
