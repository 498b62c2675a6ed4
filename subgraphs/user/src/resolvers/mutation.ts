import type { MutationResolvers } from '../generated/resolvers-types';

export const Mutation: MutationResolvers = {
  signUp: (_, { input }, ctx) => ctx.signUp(input),
  createPlan: (_, { input }, ctx) => ctx.createPlan(input),
  subscribePlan: (_, { input }, ctx) =>
    ctx.subscribePlan({
      userId: input.userId,
      planId: input.planId,
      effectiveAt: input.effectiveAt ? new Date(input.effectiveAt) : null,
    }),
};
