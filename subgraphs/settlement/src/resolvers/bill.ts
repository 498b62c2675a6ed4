import type {
  BillLineResolvers,
  BillResolvers,
  UsageTotalsResolvers,
} from '../generated/resolvers-types';
import { int32Fields } from './int-fields';

const MONEY = ['baseFee', 'overageCharge'] as const;

export const Bill: BillResolvers = {
  ...int32Fields('Bill', [...MONEY, 'total']),
  user: (bill) => ({ id: bill.userId }),
};

export const BillLine: BillLineResolvers = {
  ...int32Fields('BillLine', MONEY),
  plan: (line) => ({ id: line.plan.id }),
};

export const UsageTotals: UsageTotalsResolvers = int32Fields('UsageTotals', [
  'dataMb',
  'voiceSeconds',
  'smsCount',
]);
