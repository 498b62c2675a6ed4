import { DateTimeScalar } from '@tally/service-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './mutation';
import { Plan, PlanSubscription } from './plan';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  Plan,
  PlanSubscription,
};
