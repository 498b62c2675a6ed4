import type { QueryResolvers } from '../generated/resolvers-types';
import { invoiceQueries } from './invoice';

export const Query: QueryResolvers = {
  bill: (_, { userId, period }, ctx) => ctx.billOf(userId, period),
  ...invoiceQueries,
};
