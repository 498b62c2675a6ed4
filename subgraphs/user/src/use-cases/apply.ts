import type { PlanStore, SubscriptionStore, UserStore } from '../domain/ports';
import type { Plan, Subscription, User } from '../domain/types';

/*
 * Each state change, applied idempotently under an outbox intent. The answer is whether the
 * state that stands is this intent's: a unique key taken by another write means it is not.
 */

export async function applyUser(users: UserStore, user: User, intentId: string) {
  return (await users.insert(user, intentId)) || (await users.outboxIdOf(user.id)) === intentId;
}

export async function applyPlan(plans: PlanStore, plan: Plan, intentId: string) {
  return (await plans.insert(plan, intentId)) || (await plans.outboxIdOf(plan.id)) === intentId;
}

/**
 * A subscription already stored is never overwritten: if a crash left two intents for one
 * subscription (a migration re-run can), only the one whose id stands is published.
 */
export async function applySubscription(
  subscriptions: SubscriptionStore,
  subscription: Subscription,
  intentId: string,
) {
  const { userId, id } = subscription;
  const stored = await subscriptions.find(userId, id);
  if (stored) return stored.outboxId === intentId;
  await subscriptions.put(subscription, intentId);
  return (await subscriptions.find(userId, id))?.outboxId === intentId;
}
