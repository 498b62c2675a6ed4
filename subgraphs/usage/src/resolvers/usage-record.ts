import type { QueryResolvers, UsageRecordResolvers } from '../generated/resolvers-types';

export const UsageRecord: UsageRecordResolvers = {
  __resolveReference: (ref, ctx) => ctx.queries.byId(ref.id),
  id: (r) => r._id,
  user: (r) => ({ id: r.userId }),
};

export const Query: QueryResolvers = {
  usageRecord: (_, { id }, ctx) => ctx.queries.byId(id),
};
