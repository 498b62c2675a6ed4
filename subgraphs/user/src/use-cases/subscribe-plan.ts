import { randomUUID } from 'node:crypto';
import { DomainError } from '@tally/errors';
import { withOutbox, type OutboxDoc } from '@tally/service-kit';
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
  /** Called with documents just written with their outbox: the relay publishes them at once. */
  written: (docs: Array<OutboxDoc & { _id: string }>) => void;
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
    const owed = withOutbox(sub, [deps.events.planSubscribed(sub, plan)]);
    await deps.subscriptions.create(owed);
    deps.written([owed]);
    return sub;
  };
}
