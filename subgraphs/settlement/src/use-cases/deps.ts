import type { ClosingBook } from '../domain/closing/book';
import type { InvoiceStore, PeriodStore } from '../domain/closing/ports';
import type { BillStateStore } from '../domain/ports';

export interface SettlementDeps {
  store: BillStateStore;
  periods: PeriodStore;
  invoices: InvoiceStore;
  /** The book of closes as stored now (one key lookup). */
  closingBook: () => Promise<ClosingBook>;
  /** The billing time zone: it decides each usage record's day and so its period. */
  timeZone: string;
  graceDays: number;
  now: () => Date;
}
