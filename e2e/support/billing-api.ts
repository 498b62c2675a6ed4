import { WaitTimedOut, waitUntil } from '@tally/retry';
import { gql } from './test-stack';

export interface PlanInput {
  id: string;
  name: string;
  monthlyFee: number;
  allowance: { dataMb: number | null; voiceSeconds: number | null; smsCount: number | null };
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
}

export const BASIC_30: PlanInput = {
  id: 'BASIC-30',
  name: 'Basic 30',
  monthlyFee: 30000,
  allowance: { dataMb: 1000, voiceSeconds: 6000, smsCount: 100 },
  overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
};

export const PREMIUM_60: PlanInput = {
  id: 'PREMIUM-60',
  name: 'Premium 60',
  monthlyFee: 60000,
  allowance: { dataMb: null, voiceSeconds: null, smsCount: null },
  overageRate: { perMb: 10, perVoiceSecond: 1, perSms: 10 },
};

export interface UsageItem {
  id: string;
  userId: string;
  type: 'DATA' | 'VOICE' | 'SMS';
  amount: number;
  occurredAt: string;
}

export const BILL_FIELDS = `period baseFee overageCharge total eventsApplied updatedAt
  usage { dataMb voiceSeconds smsCount } unratedUsage { dataMb voiceSeconds smsCount }
  lines { plan { id name } days baseFee allowance { dataMb voiceSeconds smsCount } overage { dataMb voiceSeconds smsCount } overageCharge }`;

export interface Bill {
  period: string;
  baseFee: number;
  overageCharge: number;
  total: number;
  eventsApplied: number;
  updatedAt: string | null;
  usage: { dataMb: number; voiceSeconds: number; smsCount: number };
  unratedUsage: { dataMb: number; voiceSeconds: number; smsCount: number };
  lines: Array<{
    plan: { id: string; name: string };
    days: number;
    baseFee: number;
    allowance: Record<string, number | null>;
    overageCharge: number;
  }>;
}

function ok<T>(res: { data?: T; errors?: unknown[] }): T {
  if (res.errors) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
  return res.data!;
}

/** The main flows of the API, through the gateway, as `token` (default: the stack's admin). */
export function billingApi(gatewayUrl: string, token?: string) {
  const call = <T>(url: string, query: string, variables: Record<string, unknown>) =>
    gql<T>(url, query, variables, token);
  return {
    async signUp(name: string, phone: string): Promise<string> {
      const data = ok(
        await call<{ signUp: { id: string } }>(
          gatewayUrl,
          'mutation($i: SignUpInput!) { signUp(input: $i) { id } }',
          { i: { name, phone } },
        ),
      );
      return data.signUp.id;
    },
    async createPlan(plan: PlanInput): Promise<void> {
      ok(
        await call(gatewayUrl, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', {
          i: plan,
        }),
      );
    },
    async subscribe(userId: string, planId: string, effectiveAt: string): Promise<void> {
      ok(
        await call(
          gatewayUrl,
          'mutation($i: SubscribePlanInput!) { subscribePlan(input: $i) { id } }',
          { i: { userId, planId, effectiveAt } },
        ),
      );
    },
    async recordUsages(items: UsageItem[]) {
      const data = ok(
        await call<{
          recordUsages: {
            accepted: number;
            duplicates: number;
            rejected: Array<{ index: number; code: string }>;
          };
        }>(
          gatewayUrl,
          'mutation($i: [RecordUsageInput!]!) { recordUsages(input: $i) { accepted duplicates rejected { index id code message } } }',
          { i: items },
        ),
      );
      return data.recordUsages;
    },
    async bill(userId: string, period: string): Promise<Bill> {
      const data = ok(
        await call<{ user: { bill: Bill } }>(
          gatewayUrl,
          `query($u: ID!, $p: String!) { user(id: $u) { bill(period: $p) { ${BILL_FIELDS} } } }`,
          { u: userId, p: period },
        ),
      );
      return data.user.bill;
    },
    /** Polls the bill until `done` holds (settlement is asynchronous), or fails with the last bill seen. */
    async waitForBill(
      userId: string,
      period: string,
      done: (b: Bill) => boolean,
      timeoutMs = 30_000,
    ): Promise<Bill> {
      let last: Bill | undefined;
      try {
        return await waitUntil(
          async () => {
            last = await this.bill(userId, period).catch((err: Error) => {
              if (!err.message.includes('UNAVAILABLE')) throw err;
              return undefined; // settlement restarting: ask again
            });
            return last && done(last) ? last : undefined;
          },
          { deadlineMs: timeoutMs, intervalMs: 200, retryIf: () => false },
        );
      } catch (err) {
        if (!(err instanceof WaitTimedOut)) throw err;
        throw new Error(
          `bill of ${userId} for ${period} not settled in ${timeoutMs} ms; last: ${JSON.stringify(last)}`,
        );
      }
    },
  };
}

let phoneSeq = Math.floor(Math.random() * 9000);
/** A fresh valid phone number per call (phones are unique). */
export function nextPhone(): string {
  phoneSeq += 1;
  return `010-${String(1000 + (phoneSeq % 9000)).padStart(4, '0')}-${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;
}
