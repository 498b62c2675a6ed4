import { compareTerms, planInForce } from '../domain/plan';
import type { UserResolvers } from '../generated/resolvers-types';

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.users.load(ref.id),
  plan: async (u, _, ctx) => {
    const current = planInForce(await ctx.loaders.subscriptions.load(u.id), new Date());
    return current ? ctx.loaders.plans.load(current.planId) : null;
  },
  subscriptions: async (u, _, ctx) =>
    [...(await ctx.loaders.subscriptions.load(u.id))].sort(compareTerms),
};
