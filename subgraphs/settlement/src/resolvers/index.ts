import type { Connection } from 'mongoose';

export function createResolvers(db: Connection) {
  const bill = async (userId: string, period: string) => {
    const stored = await db.collection('bills').findOne({ userId, period });
    return stored ?? { userId, period, baseFee: 0, overageCharge: 0, total: 0 };
  };
  return {
    Query: { bill: (_: unknown, args: { userId: string; period: string }) => bill(args.userId, args.period) },
    User: {
      __resolveReference: (ref: { id: string }) => ref,
      bill: (user: { id: string }, args: { period: string }) => bill(user.id, args.period),
    },
  };
}
