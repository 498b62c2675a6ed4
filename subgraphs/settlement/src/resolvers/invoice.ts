import { decodeCursor, encodeCursor, pageSize, toConnection } from '@tally/service-kit';
import type { InvoiceResolvers, QueryResolvers } from '../generated/resolvers-types';
import { int32Fields } from './int-fields';

export const invoiceQueries: Pick<QueryResolvers, 'invoices' | 'invoice'> = {
  invoices: async (_, { period, first, after }, ctx) => {
    const size = pageSize(first, 50);
    const from = after ? Number(decodeCursor(after, 1)[0]) : 0;
    const rows = await ctx.invoices.page(period, from, size + 1);
    return toConnection(rows, size, (row) => encodeCursor([Number(row.number.split('-')[2])]));
  },
  invoice: (_, { number }, ctx) => ctx.invoices.byNumber(number),
};

export const Invoice: InvoiceResolvers = {
  ...int32Fields('Invoice', ['total']),
  user: (invoice) => ({ id: invoice.userId }),
};
