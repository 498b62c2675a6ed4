import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  usages: (user, { period, type, first, after }, ctx) =>
    ctx.queries.page(user.id, period, { type, first, after }),
  usageSummary: (user, { period }, ctx) => ctx.queries.summary(user.id, period),
};
