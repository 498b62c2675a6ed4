import { DomainError } from '@tally/errors';
import { closedPeriodConflict, periodsToAsk } from '../domain/closed-period';
import type { Subscription } from '../domain/types';
import { KINDS } from './changes';
import type { UserDeps } from './deps';
import { intendOne } from './intend';

export interface SubscribeInput {
  userId: string;
  planId: string;
  effectiveAt?: Date | null;
}

/**
 * A user's move to a plan, and its PlanSubscribed owed. Unknown user or plan -> NOT_FOUND;
 * `effectiveAt` in a closed period -> CONFLICT. A refusal stores and publishes nothing.
 */
export function makeSubscribePlan(deps: UserDeps) {
  return async (input: SubscribeInput): Promise<Subscription> => {
    const now = deps.now();
    const effectiveAt = input.effectiveAt ?? now;
    const [[user], [plan], byEvent] = await Promise.all([
      deps.users.byIds([input.userId]),
      deps.plans.byIds([input.planId]),
      deps.closedPeriods.closedAmong(periodsToAsk(effectiveAt, now, deps.closing)),
    ]);
    if (!user) throw new DomainError('NOT_FOUND', `no user ${input.userId}`);
    if (!plan) throw new DomainError('NOT_FOUND', `no plan ${input.planId}`);
    const conflict = closedPeriodConflict(effectiveAt, { now, byEvent }, deps.closing);
    if (conflict) throw conflict;
    const subscription: Subscription = {
      id: deps.newId(),
      userId: user.id,
      planId: plan.id,
      effectiveAt,
      createdAt: now,
    };
    const intentId = await intendOne(deps.outbox, {
      kind: KINDS.planSubscribed,
      change: { subscription },
      messages: [deps.events.planSubscribed(subscription, plan)],
    });
    // A fresh id: nothing can be stored under it yet, so a plain put is the whole write.
    await deps.subscriptions.put(subscription, intentId);
    deps.outbox.confirm([intentId]);
    return subscription;
  };
}
