import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  usageRecord: (_, { id }, ctx) => ctx.recordById.load(id),
};
