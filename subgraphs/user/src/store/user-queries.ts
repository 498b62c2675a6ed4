import { decodeCursor, encodeCursor, toConnection } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { PlanDoc } from './plan-model';
import type { SubscriptionDoc } from './subscription-model';
import type { UserDoc } from './user-model';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 };

/** Read side of the user subgraph's store. */
export function createUserQueries(m: {
  users: Model<UserDoc>;
  plans: Model<PlanDoc>;
  subscriptions: Model<SubscriptionDoc>;
}) {
  const userCursor = (u: UserDoc) => encodeCursor([u.createdAt.getTime(), u._id]);
  return {
    userById: (id: string) => m.users.findById(id, NO_OUTBOX).lean<UserDoc>().exec(),
    userByPhone: (phone: string) => m.users.findOne({ phone }, NO_OUTBOX).lean<UserDoc>().exec(),
    /** Oldest first, by (createdAt, id); the cursor carries both. */
    async usersPage(size: number, after?: string | null) {
      const filter = after ? afterFilter(decodeCursor(after, 2)) : {};
      const rows = await m.users
        .find(filter, NO_OUTBOX)
        .sort({ createdAt: 1, _id: 1 })
        .limit(size + 1)
        .lean<UserDoc[]>()
        .exec();
      return toConnection(rows, size, userCursor);
    },
    plans: () => m.plans.find({}, NO_OUTBOX).sort({ _id: 1 }).lean<PlanDoc[]>().exec(),
    planById: (id: string) => m.plans.findById(id, NO_OUTBOX).lean<PlanDoc>().exec(),
    /** Oldest first: by effectiveAt, then id (the order settlement uses for same-instant changes). */
    subscriptionsOf: (userId: string) =>
      m.subscriptions
        .find({ userId }, NO_OUTBOX)
        .sort({ effectiveAt: 1, _id: 1 })
        .lean<SubscriptionDoc[]>()
        .exec(),
  };
}

export type UserQueries = ReturnType<typeof createUserQueries>;

function afterFilter([createdAtMs, id]: Array<string | number>) {
  const createdAt = new Date(Number(createdAtMs));
  return { $or: [{ createdAt: { $gt: createdAt } }, { createdAt, _id: { $gt: String(id) } }] };
}
