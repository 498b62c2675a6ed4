import type { OutboxRedo } from '@tally/service-kit';
import { applyPlan, applySubscription, applyUser } from './apply';
import { KINDS, planCreatedChange, planSubscribedChange, userSignedUpChange } from './changes';
import type { ReadDeps } from './deps';

/**
 * What the outbox sweep calls to finish a change a crash left between intent and confirm.
 * Async, so a change that does not parse fails as a rejection of its own intent, not a throw.
 */
export function makeRedo(deps: ReadDeps): Record<string, OutboxRedo> {
  return {
    [KINDS.userSignedUp]: async (change, intentId) =>
      applyUser(deps.users, userSignedUpChange.parse(change).user, intentId),
    [KINDS.planCreated]: async (change, intentId) =>
      applyPlan(deps.plans, planCreatedChange.parse(change).plan, intentId),
    [KINDS.planSubscribed]: async (change, intentId) =>
      applySubscription(
        deps.subscriptions,
        planSubscribedChange.parse(change).subscription,
        intentId,
      ),
  };
}
