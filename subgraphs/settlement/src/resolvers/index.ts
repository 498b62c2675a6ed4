import { DateTimeScalar } from '@tally/service-kit';
import type { Resolvers } from '../generated/resolvers-types';
import { Bill, BillLine, UsageTotals } from './bill';
import { Query } from './query';
import { User } from './user';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  User,
  Bill,
  BillLine,
  UsageTotals,
};
