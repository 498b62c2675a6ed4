import type { BillStateStore } from '../domain/ports';

export interface SettlementDeps {
  store: BillStateStore;
  /** The billing time zone: it decides each usage record's day and so its period. */
  timeZone: string;
  now: () => Date;
}
