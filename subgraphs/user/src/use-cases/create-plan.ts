import { DomainError } from '@tally/errors';
import { isDuplicateKey, withOutbox, type OutboxDoc } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { validatePlanInput, type PlanInput } from '../domain/plan';
import type { UserEvents } from '../events/user-events';
import type { PlanDoc } from '../store/plan-model';

export function makeCreatePlan(deps: {
  plans: Model<PlanDoc>;
  events: UserEvents;
  /** Called with documents just written with their outbox: the relay publishes them at once. */
  written: (docs: Array<OutboxDoc & { _id: string }>) => void;
}) {
  return async (input: PlanInput): Promise<PlanDoc> => {
    const valid = validatePlanInput(input);
    const plan: PlanDoc = {
      _id: valid.id,
      name: valid.name,
      monthlyFee: valid.monthlyFee,
      allowance: valid.allowance,
      overageRate: valid.overageRate,
      createdAt: new Date(),
    };
    const owed = withOutbox(plan, [deps.events.planCreated(plan)]);
    try {
      await deps.plans.create(owed);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', `plan ${plan._id} already exists; plans are immutable`);
      throw err;
    }
    deps.written([owed]);
    return plan;
  };
}
