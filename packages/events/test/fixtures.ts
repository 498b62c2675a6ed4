import type { EventData } from '../src/payloads';

/** Valid payloads for tests. */
export const basicPlan: EventData<'PlanCreated'>['plan'] = {
  id: 'BASIC-30',
  name: 'Basic',
  monthlyFee: 30000,
  allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: null },
  overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
};

export const usageData: EventData<'UsageRecorded'> = {
  usageId: 'u-1',
  userId: 'user-1',
  type: 'DATA',
  amount: 600,
  occurredAt: '2026-11-03T10:15:00+09:00',
  recordedAt: '2026-11-03T01:15:01.000Z',
};
