import { DomainError } from '@tally/errors';
import type { PlanTerms } from '@tally/events';

export interface PlanInput {
  id: string;
  name: string;
  monthlyFee: number;
  allowance: { dataMb?: number | null; voiceSeconds?: number | null; smsCount?: number | null };
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
}

// security.md, "Limits": ids as operators print them on invoices.
const PLAN_ID = /^[A-Z0-9][A-Z0-9-]{0,39}$/;
export const MAX_PLAN_NAME = 100;

function nonNegative(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError('BAD_USER_INPUT', `${field} must be an integer >= 0; got ${value}`);
  return value;
}

function limit(value: number | null | undefined, field: string): number | null {
  return value === null || value === undefined ? null : nonNegative(value, field);
}

export function validatePlanInput(input: PlanInput): PlanTerms {
  const id = input.id.trim();
  if (!PLAN_ID.test(id)) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `plan id must be 1-40 capital letters, digits or "-", starting with a letter or digit (e.g. "BASIC-30"); got ${JSON.stringify(input.id)}`,
    );
  }
  const name = input.name.trim();
  if (!name) throw new DomainError('BAD_USER_INPUT', 'plan name must not be empty');
  if (name.length > MAX_PLAN_NAME)
    throw new DomainError(
      'BAD_USER_INPUT',
      `plan name must be at most ${MAX_PLAN_NAME} characters; got ${name.length}`,
    );
  return {
    id,
    name,
    monthlyFee: nonNegative(input.monthlyFee, 'monthlyFee'),
    allowance: {
      dataMb: limit(input.allowance.dataMb, 'allowance.dataMb'),
      voiceSeconds: limit(input.allowance.voiceSeconds, 'allowance.voiceSeconds'),
      smsCount: limit(input.allowance.smsCount, 'allowance.smsCount'),
    },
    overageRate: {
      perMb: nonNegative(input.overageRate.perMb, 'overageRate.perMb'),
      perVoiceSecond: nonNegative(input.overageRate.perVoiceSecond, 'overageRate.perVoiceSecond'),
      perSms: nonNegative(input.overageRate.perSms, 'overageRate.perSms'),
    },
  };
}

export interface SubscriptionTerm {
  id: string;
  planId: string;
  effectiveAt: Date;
}

/**
 * The subscription in force at `now`: the latest effective at or before it. Same-instant
 * subscriptions are ordered by id, as settlement orders them, so both agree on the plan.
 */
export function planInForce<T extends SubscriptionTerm>(
  subscriptions: readonly T[],
  now: Date,
): T | null {
  let current: T | null = null;
  for (const s of subscriptions) {
    if (s.effectiveAt.getTime() > now.getTime()) continue;
    if (!current || compareTerms(s, current) > 0) current = s;
  }
  return current;
}

/** Oldest first; the order of plan history and of settlement's calendar. */
export function compareTerms(a: SubscriptionTerm, b: SubscriptionTerm): number {
  return (
    a.effectiveAt.getTime() - b.effectiveAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
