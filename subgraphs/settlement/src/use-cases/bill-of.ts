import { periodRange } from '@tally/billing-time';
import { settleBill, type SettledBill } from '../domain/settle-bill';
import type { FactStore } from '../store/fact-store';

/** A bill computed on read from the facts settlement has stored; nothing is cached, so it is never stale. */
export function makeBillOf(deps: { facts: FactStore; timeZone: string }) {
  return async (userId: string, period: string): Promise<SettledBill> => {
    const range = periodRange(period, deps.timeZone);
    const facts = await deps.facts.factsForBill(userId, range);
    return settleBill({ userId, period, timeZone: deps.timeZone, ...facts });
  };
}
