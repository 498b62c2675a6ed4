import { createEvent, toKafkaMessage, type PlanTerms, type Topics } from '@tally/events';
import type { OutboxMessage } from '@tally/service-kit';
import type { Plan, Subscription, User } from '../domain/types';

/** The events the user subgraph owes, as outbox messages for the users topic. */
export function createUserEvents(topics: Topics) {
  const message = (event: Parameters<typeof toKafkaMessage>[0]): OutboxMessage => ({
    topic: topics.users,
    ...toKafkaMessage(event),
  });
  return {
    userSignedUp: (u: User) =>
      message(
        createEvent('UserSignedUp', u.id, {
          userId: u.id,
          name: u.name,
          phone: u.phone,
          email: u.email,
          createdAt: u.createdAt.toISOString(),
        }),
      ),
    planCreated: (p: Plan) => message(createEvent('PlanCreated', p.id, { plan: termsOf(p) })),
    planSubscribed: (s: Subscription, p: Plan) =>
      message(
        createEvent('PlanSubscribed', s.userId, {
          subscriptionId: s.id,
          userId: s.userId,
          effectiveAt: s.effectiveAt.toISOString(),
          plan: termsOf(p),
        }),
      ),
  };
}

export type UserEvents = ReturnType<typeof createUserEvents>;

/** Only the terms: what a stored plan adds (createdAt) is not part of the event. */
export function termsOf(p: Plan): PlanTerms {
  return {
    id: p.id,
    name: p.name,
    monthlyFee: p.monthlyFee,
    allowance: p.allowance,
    overageRate: p.overageRate,
  };
}
