import type { PlanSubscriptionResolvers } from '../generated/resolvers-types';
import { existing } from './existing';

export const PlanSubscription: PlanSubscriptionResolvers = {
  user: async (s, _, ctx) => existing(await ctx.loaders.users.load(s.userId), 'user', s.userId),
  plan: async (s, _, ctx) => existing(await ctx.loaders.plans.load(s.planId), 'plan', s.planId),
};
