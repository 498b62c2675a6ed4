import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  bill: (_, { userId, period }, ctx) => ctx.billOf(userId, period),
};
