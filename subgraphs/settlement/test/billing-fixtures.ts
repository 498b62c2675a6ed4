import type { PlanTerms } from '@tally/events';
import type { RatedUsage } from '../src/domain/rate-bill';
import type { Subscription } from '../src/domain/plan-of-day';

/** The plans of billing-rules.md's worked examples. */
export const BASIC: PlanTerms = {
  id: 'BASIC-30',
  name: 'Basic',
  monthlyFee: 30000,
  allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: 100 },
  overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
};

export const PREMIUM: PlanTerms = {
  id: 'PREMIUM-60',
  name: 'Premium',
  monthlyFee: 60000,
  allowance: { dataMb: null, voiceSeconds: null, smsCount: null },
  overageRate: { perMb: 10, perVoiceSecond: 1, perSms: 10 },
};

export const SEOUL = 'Asia/Seoul';

let seq = 0;
export const sub = (plan: PlanTerms, effectiveAt: string, id = `s-${++seq}`): Subscription => ({
  id,
  plan,
  effectiveAt,
});
export const data = (amount: number, occurredAt: string, id = `u-${++seq}`): RatedUsage => ({
  id,
  type: 'DATA',
  amount,
  occurredAt,
});
export const voice = (amount: number, occurredAt: string, id = `u-${++seq}`): RatedUsage => ({
  id,
  type: 'VOICE',
  amount,
  occurredAt,
});
export const sms = (amount: number, occurredAt: string, id = `u-${++seq}`): RatedUsage => ({
  id,
  type: 'SMS',
  amount,
  occurredAt,
});
