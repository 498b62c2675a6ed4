import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  user: (_, { id }, ctx) => ctx.loaders.users.load(id),
  userByPhone: (_, { phone }, ctx) => ctx.queries.userByPhone(phone),
  users: async (_, { first, after }, ctx) => {
    const page = await ctx.queries.usersPage(first, after);
    // Their subscriptions may name them again (subscriptions { user }): no second read.
    for (const { node } of page.edges) ctx.loaders.users.prime(node.id, node);
    return page;
  },
  plans: (_, __, ctx) => ctx.queries.plans(),
  plan: (_, { id }, ctx) => ctx.loaders.plans.load(id),
};
