import { planTermsSchema } from '@tally/events';
import { z } from 'zod';

/** The outbox kinds of this subgraph: each names the redo that can re-apply its change. */
export const KINDS = {
  userSignedUp: 'user-signed-up',
  planCreated: 'plan-created',
  planSubscribed: 'plan-subscribed',
} as const;

// Changes come back from the outbox collection; parsed, not trusted, before a redo applies them.
const instant = z.coerce.date();

export const userSignedUpChange = z.object({
  user: z.object({
    id: z.string().min(1),
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    createdAt: instant,
  }),
});

export const planCreatedChange = z.object({
  plan: planTermsSchema.extend({ createdAt: instant }),
});

export const planSubscribedChange = z.object({
  subscription: z.object({
    id: z.string().min(1),
    userId: z.string().min(1),
    planId: z.string().min(1),
    effectiveAt: instant,
    createdAt: instant,
  }),
});
