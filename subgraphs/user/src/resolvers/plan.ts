import type { PlanResolvers, PlanSubscriptionResolvers } from '../generated/resolvers-types';

export const Plan: PlanResolvers = {
  __resolveReference: (ref, ctx) => ctx.queries.planById(ref.id),
  id: (p) => p._id,
};

export const PlanSubscription: PlanSubscriptionResolvers = {
  id: (s) => s._id,
  user: async (s, _, ctx) => (await ctx.queries.userById(s.userId))!,
  plan: async (s, _, ctx) => (await ctx.queries.planById(s.planId))!,
};
