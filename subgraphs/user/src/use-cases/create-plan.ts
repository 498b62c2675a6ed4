import { DomainError } from '@tally/errors';
import { isDuplicateKey, withOutbox } from '@tally/service-kit';
import type { Model } from 'mongoose';
import { validatePlanInput, type PlanInput } from '../domain/plan';
import type { UserEvents } from '../events/user-events';
import type { PlanDoc } from '../store/plan-model';

export function makeCreatePlan(deps: {
  plans: Model<PlanDoc>;
  events: UserEvents;
  published: () => void;
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
    try {
      await deps.plans.create(withOutbox(plan, [deps.events.planCreated(plan)]));
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', `plan ${plan._id} already exists; plans are immutable`);
      throw err;
    }
    deps.published();
    return plan;
  };
}
