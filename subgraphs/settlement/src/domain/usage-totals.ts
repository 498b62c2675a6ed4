import type { PlanTerms, UsageType } from '@tally/events';

/** A plan's allowance as billed: null = unlimited. */
export type Allowance = PlanTerms['allowance'];

export interface UsageTotals {
  dataMb: number;
  voiceSeconds: number;
  smsCount: number;
}

/** Where each usage type is counted in totals, allowances and rates. */
export const UNITS = [
  { type: 'DATA', field: 'dataMb', rate: 'perMb' },
  { type: 'VOICE', field: 'voiceSeconds', rate: 'perVoiceSecond' },
  { type: 'SMS', field: 'smsCount', rate: 'perSms' },
] as const satisfies ReadonlyArray<{
  type: UsageType;
  field: keyof UsageTotals;
  rate: keyof PlanTerms['overageRate'];
}>;

export function fieldOf(type: UsageType): keyof UsageTotals {
  return type === 'DATA' ? 'dataMb' : type === 'VOICE' ? 'voiceSeconds' : 'smsCount';
}

export const zeroTotals = (): UsageTotals => ({ dataMb: 0, voiceSeconds: 0, smsCount: 0 });
