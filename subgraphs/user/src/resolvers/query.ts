import { pageSize } from '@tally/service-kit';
import { normalisePhone } from '../domain/phone';
import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  user: (_, { id }, ctx) => ctx.queries.userById(id),
  userByPhone: (_, { phone }, ctx) => ctx.queries.userByPhone(normalisePhone(phone)),
  users: (_, { first, after }, ctx) => ctx.queries.usersPage(pageSize(first, 20, 100), after),
  plans: (_, __, ctx) => ctx.queries.plans(),
  plan: (_, { id }, ctx) => ctx.queries.planById(id),
};
