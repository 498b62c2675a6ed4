import { createEvent, toKafkaMessage, type Topics } from '@tally/events';
import type { OutboxMessage } from '@tally/service-kit';
import type { PlanDoc } from '../store/plan-model';
import type { SubscriptionDoc } from '../store/subscription-model';
import type { UserDoc } from '../store/user-model';

/** The events the user subgraph owes, as outbox messages for the users topic. */
export function createUserEvents(topics: Topics) {
  const outbox = (event: Parameters<typeof toKafkaMessage>[0]): OutboxMessage => ({
    topic: topics.users,
    ...toKafkaMessage(event),
  });
  return {
    userSignedUp: (u: UserDoc) =>
      outbox(
        createEvent('UserSignedUp', u._id, {
          userId: u._id,
          name: u.name,
          phone: u.phone,
          email: u.email,
          createdAt: u.createdAt.toISOString(),
        }),
      ),
    planCreated: (p: PlanDoc) => outbox(createEvent('PlanCreated', p._id, { plan: planTerms(p) })),
    planSubscribed: (s: SubscriptionDoc, p: PlanDoc) =>
      outbox(
        createEvent('PlanSubscribed', s.userId, {
          subscriptionId: s._id,
          userId: s.userId,
          effectiveAt: s.effectiveAt.toISOString(),
          plan: planTerms(p),
        }),
      ),
  };
}

export type UserEvents = ReturnType<typeof createUserEvents>;

function planTerms(p: PlanDoc) {
  return {
    id: p._id,
    name: p.name,
    monthlyFee: p.monthlyFee,
    allowance: p.allowance,
    overageRate: p.overageRate,
  };
}
