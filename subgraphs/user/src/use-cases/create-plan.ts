import { DomainError } from '@tally/errors';
import { validatePlanInput, type PlanInput } from '../domain/plan';
import type { Plan } from '../domain/types';
import { applyPlan } from './apply';
import { KINDS } from './changes';
import type { UserDeps } from './deps';
import { intendOne } from './intend';

/** A catalogue plan, and its PlanCreated owed through the outbox. Id taken -> CONFLICT. */
export function makeCreatePlan(deps: UserDeps) {
  return async (input: PlanInput): Promise<Plan> => {
    const plan: Plan = { ...validatePlanInput(input), createdAt: deps.now() };
    const intentId = await intendOne(deps.outbox, {
      kind: KINDS.planCreated,
      change: { plan },
      messages: [deps.events.planCreated(plan)],
    });
    if (!(await applyPlan(deps.plans, plan, intentId))) {
      await deps.outbox.cancel([intentId]);
      throw new DomainError('CONFLICT', `plan ${plan.id} already exists; plans are immutable`);
    }
    deps.outbox.confirm([intentId]);
    return plan;
  };
}
