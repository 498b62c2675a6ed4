import { DomainError } from '@tally/errors';
import type { MutationResolvers } from '../generated/resolvers-types';
import { MAX_BATCH } from '../use-cases/record-usages';

export const Mutation: MutationResolvers = {
  recordUsage: async (_, { input }, ctx) => {
    const [outcome] = await ctx.recordUsages([input]);
    if (outcome!.kind === 'rejected') throw new DomainError(outcome!.code, outcome!.message);
    return outcome!.record;
  },
  recordUsages: async (_, { input }, ctx) => {
    if (input.length < 1 || input.length > MAX_BATCH) {
      throw new DomainError(
        'BAD_USER_INPUT',
        `recordUsages takes 1 to ${MAX_BATCH} items; got ${input.length}`,
      );
    }
    const outcomes = await ctx.recordUsages(input);
    return {
      accepted: outcomes.filter((o) => o.kind === 'accepted').length,
      duplicates: outcomes.filter((o) => o.kind === 'duplicate').length,
      rejected: outcomes.flatMap((o, index) =>
        o.kind === 'rejected'
          ? [{ index, id: input[index]?.id ?? null, code: o.code, message: o.message }]
          : [],
      ),
    };
  },
};
