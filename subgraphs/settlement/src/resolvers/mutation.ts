import type { MutationResolvers } from '../generated/resolvers-types';

export const Mutation: MutationResolvers = {
  closePeriod: (_, { period }, ctx) => ctx.closePeriod(period),
};
