import DataLoader from 'dataloader';
import type { BillView } from '../domain/closing/bill-view';
import type { BillOf, BillRequest } from './bill-of';

/**
 * One per GraphQL request: every bill the request asks for (e.g. `bill` under each user of a
 * page) is read in one batch, one `$in` per collection.
 */
export function createBillLoader(billOf: BillOf): DataLoader<BillRequest, BillView, string> {
  return new DataLoader<BillRequest, BillView, string>(billOf, {
    cacheKeyFn: (r) => `${r.userId}|${r.period}`,
  });
}
