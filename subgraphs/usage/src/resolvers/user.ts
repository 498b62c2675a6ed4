import { pageSize } from '@tally/service-kit';
import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  usages: (user, { period, type, first, after }, ctx) =>
    ctx.queries.page(user.id!, ctx.periodRange(period), type, pageSize(first, 50, 500), after),
  usageSummary: async (user, { period }, ctx) => ({
    period,
    ...(await ctx.queries.totals(user.id!, ctx.periodRange(period))),
  }),
};
