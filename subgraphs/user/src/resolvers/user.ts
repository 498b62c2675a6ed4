import { planInForce } from '../domain/plan';
import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.queries.userById(ref.id),
  id: (u) => u._id,
  plan: async (u, _, ctx) => {
    const subs = await ctx.queries.subscriptionsOf(u._id);
    const current = planInForce(subs, new Date());
    return current ? ctx.queries.planById(current.planId) : null;
  },
  subscriptions: (u, _, ctx) => ctx.queries.subscriptionsOf(u._id),
};
