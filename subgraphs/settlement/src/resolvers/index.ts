import { DateTimeScalar } from '@tally/service-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Adjustment, Bill, BillLine, UsageTotals } from './bill';
import { Invoice } from './invoice';
import { Mutation } from './mutation';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  User,
  Bill,
  BillLine,
  Adjustment,
  Invoice,
  UsageTotals,
};
