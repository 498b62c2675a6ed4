import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { withOutbox } from '@tally/service-kit';
import type { Model } from 'mongoose';
import type { UserEvents } from '../events/user-events';
import type { PlanDoc } from '../store/plan-model';
import type { SubscriptionDoc } from '../store/subscription-model';
import type { UserDoc } from '../store/user-model';

export interface SubscribeInput {
  userId: string;
  planId: string;
  effectiveAt?: Date | null;
}

export function makeSubscribePlan(deps: {
  users: Model<UserDoc>;
  plans: Model<PlanDoc>;
  subscriptions: Model<SubscriptionDoc>;
  events: UserEvents;
  published: () => void;
}) {
  return async (input: SubscribeInput): Promise<SubscriptionDoc> => {
    const [user, plan] = await Promise.all([
      deps.users.exists({ _id: input.userId }),
      deps.plans.findById(input.planId, { outbox: 0 }).lean<PlanDoc>(),
    ]);
    if (!user) throw new DomainError('NOT_FOUND', `no user ${input.userId}`);
    if (!plan) throw new DomainError('NOT_FOUND', `no plan ${input.planId}`);
    const now = new Date();
    const sub: SubscriptionDoc = {
      _id: randomUUID(),
      userId: input.userId,
      planId: plan._id,
      effectiveAt: input.effectiveAt ?? now,
      createdAt: now,
    };
    await deps.subscriptions.create(withOutbox(sub, [deps.events.planSubscribed(sub, plan)]));
    deps.published();
    return sub;
  };
}
