import { DateTimeScalar } from '@tally/service-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './mutation';
import { Plan } from './plan';
import { PlanSubscription } from './plan-subscription';
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
