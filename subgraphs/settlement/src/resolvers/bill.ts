import type { BillLineResolvers, BillResolvers } from '../generated/resolvers-types';

export const Bill: BillResolvers = {
  user: (bill) => ({ id: bill.userId }),
};

export const BillLine: BillLineResolvers = {
  plan: (line) => ({ id: line.plan.id }),
};
