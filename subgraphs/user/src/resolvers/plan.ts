import type { PlanResolvers } from '../generated/resolvers-types';

export const Plan: PlanResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.plans.load(ref.id),
};
