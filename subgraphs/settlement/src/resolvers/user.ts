import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  bill: (user, { period }, ctx) => ctx.billOf(user.id, period),
};
