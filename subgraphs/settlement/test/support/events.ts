import { createEvent, type PlanTerms, type UsageType } from '@tally/events';

/** Events as the user and usage subgraphs publish them. */
export const usageRecorded = (u: {
  usageId: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: string;
}) => createEvent('UsageRecorded', u.userId, { ...u, recordedAt: new Date().toISOString() });

export const planSubscribed = (s: {
  subscriptionId: string;
  userId: string;
  effectiveAt: string;
  plan: PlanTerms;
}) => createEvent('PlanSubscribed', s.userId, s);
