import type { UsageRecordResolvers } from '../generated/resolvers-types';

export const UsageRecord: UsageRecordResolvers = {
  __resolveReference: (ref, ctx) => ctx.recordById.load(ref.id),
  user: (r) => ({ id: r.userId }),
};
