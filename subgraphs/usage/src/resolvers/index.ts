import { DateTimeScalar } from '@tally/service-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './mutation';
import { Query } from './query';
import { UsageRecord } from './usage-record';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  UsageRecord,
};
