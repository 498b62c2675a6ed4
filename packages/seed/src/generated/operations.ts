/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** null = unlimited; otherwise >= 0. */
export type AllowanceInput = {
  dataMb?: number | null | undefined;
  smsCount?: number | null | undefined;
  voiceSeconds?: number | null | undefined;
};

export type BillStatus =
  | 'CLOSED'
  | 'OPEN';

export type CreatePlanInput = {
  allowance: AllowanceInput;
  id: string | number;
  monthlyFee: number;
  name: string;
  overageRate: OverageRateInput;
};

/** Won per unit, >= 0. */
export type OverageRateInput = {
  perMb: number;
  perSms: number;
  perVoiceSecond: number;
};

export type RecordUsageInput = {
  /** > 0 */
  amount: number;
  /** The caller's idempotency key, unique per record. */
  id: string | number;
  /** Not more than 5 minutes in the future. */
  occurredAt: string;
  type: UsageType;
  userId: string | number;
};

export type SignUpInput = {
  email?: string | null | undefined;
  name: string;
  /** 010-1234-5678, 01012345678 or +821012345678 (spaces allowed); stored as E.164. */
  phone: string;
};

export type SubscribePlanInput = {
  /** Default: now. May be in the past. */
  effectiveAt?: string | null | undefined;
  planId: string | number;
  userId: string | number;
};

/** Units: DATA in megabytes, VOICE in seconds, SMS in messages. */
export type UsageType =
  | 'DATA'
  | 'SMS'
  | 'VOICE';

export type SeedClosePeriodMutationVariables = Exact<{
  period: string;
}>;


export type SeedClosePeriodMutation = { closePeriod: { period: string, invoices: number, alreadyClosed: boolean } };

export type SeedInvoicesQueryVariables = Exact<{
  period: string;
  first: number;
}>;


export type SeedInvoicesQuery = { invoices: { edges: Array<{ node: { number: string, total: number, user: { name: string } } }> } };

export type SeedBillStatusQueryVariables = Exact<{
  userId: string | number;
  period: string;
}>;


export type SeedBillStatusQuery = { user: { bill: { status: BillStatus, eventsApplied: number } } | null };

export type SeedAdjustmentsQueryVariables = Exact<{
  userId: string | number;
  period: string;
}>;


export type SeedAdjustmentsQuery = { user: { name: string, bill: { period: string, total: number, baseFee: number, overageCharge: number, adjustmentTotal: number, adjustments: Array<{ forPeriod: string, amount: number, usage: { dataMb: number, voiceSeconds: number, smsCount: number } }> } } | null };

export type SeedCreatePlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type SeedCreatePlanMutation = { createPlan: { id: string } };

export type SeedSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SeedSignUpMutation = { signUp: { id: string } };

export type SeedSubscribeMutationVariables = Exact<{
  input: SubscribePlanInput;
}>;


export type SeedSubscribeMutation = { subscribePlan: { id: string } };

export type SeedUserByPhoneQueryVariables = Exact<{
  phone: string;
}>;


export type SeedUserByPhoneQuery = { userByPhone: { id: string } | null };

export type SeedRecordUsagesMutationVariables = Exact<{
  input: Array<RecordUsageInput> | RecordUsageInput;
}>;


export type SeedRecordUsagesMutation = { recordUsages: { accepted: number, duplicates: number, rejected: Array<{ index: number, code: string, message: string }> } };

export type SeedBillQueryVariables = Exact<{
  userId: string | number;
  period: string;
}>;


export type SeedBillQuery = { user: { name: string, phone: string, bill: { total: number, baseFee: number, overageCharge: number, eventsApplied: number, status: BillStatus, adjustmentTotal: number, invoice: { number: string } | null, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, lines: Array<{ days: number, baseFee: number, overageCharge: number, plan: { id: string } }> } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SeedClosePeriodDocument = new TypedDocumentString(`
    mutation SeedClosePeriod($period: String!) {
  closePeriod(period: $period) {
    period
    invoices
    alreadyClosed
  }
}
    `) as unknown as TypedDocumentString<SeedClosePeriodMutation, SeedClosePeriodMutationVariables>;
export const SeedInvoicesDocument = new TypedDocumentString(`
    query SeedInvoices($period: String!, $first: Int!) {
  invoices(period: $period, first: $first) {
    edges {
      node {
        number
        total
        user {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SeedInvoicesQuery, SeedInvoicesQueryVariables>;
export const SeedBillStatusDocument = new TypedDocumentString(`
    query SeedBillStatus($userId: ID!, $period: String!) {
  user(id: $userId) {
    bill(period: $period) {
      status
      eventsApplied
    }
  }
}
    `) as unknown as TypedDocumentString<SeedBillStatusQuery, SeedBillStatusQueryVariables>;
export const SeedAdjustmentsDocument = new TypedDocumentString(`
    query SeedAdjustments($userId: ID!, $period: String!) {
  user(id: $userId) {
    name
    bill(period: $period) {
      period
      total
      baseFee
      overageCharge
      adjustmentTotal
      adjustments {
        forPeriod
        amount
        usage {
          dataMb
          voiceSeconds
          smsCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SeedAdjustmentsQuery, SeedAdjustmentsQueryVariables>;
export const SeedCreatePlanDocument = new TypedDocumentString(`
    mutation SeedCreatePlan($input: CreatePlanInput!) {
  createPlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedCreatePlanMutation, SeedCreatePlanMutationVariables>;
export const SeedSignUpDocument = new TypedDocumentString(`
    mutation SeedSignUp($input: SignUpInput!) {
  signUp(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedSignUpMutation, SeedSignUpMutationVariables>;
export const SeedSubscribeDocument = new TypedDocumentString(`
    mutation SeedSubscribe($input: SubscribePlanInput!) {
  subscribePlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedSubscribeMutation, SeedSubscribeMutationVariables>;
export const SeedUserByPhoneDocument = new TypedDocumentString(`
    query SeedUserByPhone($phone: String!) {
  userByPhone(phone: $phone) {
    id
  }
}
    `) as unknown as TypedDocumentString<SeedUserByPhoneQuery, SeedUserByPhoneQueryVariables>;
export const SeedRecordUsagesDocument = new TypedDocumentString(`
    mutation SeedRecordUsages($input: [RecordUsageInput!]!) {
  recordUsages(input: $input) {
    accepted
    duplicates
    rejected {
      index
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SeedRecordUsagesMutation, SeedRecordUsagesMutationVariables>;
export const SeedBillDocument = new TypedDocumentString(`
    query SeedBill($userId: ID!, $period: String!) {
  user(id: $userId) {
    name
    phone
    bill(period: $period) {
      total
      baseFee
      overageCharge
      eventsApplied
      status
      invoice {
        number
      }
      adjustmentTotal
      usage {
        dataMb
        voiceSeconds
        smsCount
      }
      lines {
        plan {
          id
        }
        days
        baseFee
        overageCharge
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SeedBillQuery, SeedBillQueryVariables>;