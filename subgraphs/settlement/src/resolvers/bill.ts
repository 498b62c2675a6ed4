import type {
  AdjustmentResolvers,
  BillLineResolvers,
  BillResolvers,
  UsageTotalsResolvers,
} from '../generated/resolvers-types';
import { int32Fields } from './int-fields';

const MONEY = ['baseFee', 'overageCharge'] as const;

export const Bill: BillResolvers = {
  ...int32Fields('Bill', [...MONEY, 'total', 'adjustmentTotal']),
  user: (bill) => ({ id: bill.userId }),
  invoice: (bill) =>
    bill.invoice && {
      ...bill.invoice,
      userId: bill.userId,
      bill: { ...bill, invoice: bill.invoice },
    },
};

export const Adjustment: AdjustmentResolvers = int32Fields('Adjustment', ['amount']);

export const BillLine: BillLineResolvers = {
  ...int32Fields('BillLine', MONEY),
  plan: (line) => ({ id: line.plan.id }),
};

export const UsageTotals: UsageTotalsResolvers = int32Fields('UsageTotals', [
  'dataMb',
  'voiceSeconds',
  'smsCount',
]);
