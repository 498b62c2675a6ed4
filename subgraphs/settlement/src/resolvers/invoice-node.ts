import type { BillView, Invoice } from '../domain/closing/bill-view';

/** An invoice as resolvers see it: the invoice and its frozen bill. */
export interface InvoiceNode extends Invoice {
  userId: string;
  bill: BillView;
}
