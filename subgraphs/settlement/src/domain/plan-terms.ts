/** A plan's terms as settlement knows them from PlanSubscribed; plans are immutable, so the id fixes them. */
export interface PlanTerms {
  id: string;
  name: string;
  monthlyFee: number;
  /** null = unlimited */
  allowance: Allowance;
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
}

export interface Allowance {
  dataMb: number | null;
  voiceSeconds: number | null;
  smsCount: number | null;
}

export type UsageType = 'DATA' | 'VOICE' | 'SMS';

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
