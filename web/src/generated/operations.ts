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

export type UsageTotalsFieldsFragment = { dataMb: number, voiceSeconds: number, smsCount: number };

export type BillLineFieldsFragment = { days: number, baseFee: number, overageCharge: number, plan: { id: string, name: string }, allowance: { dataMb: number | null, voiceSeconds: number | null, smsCount: number | null }, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, overage: { dataMb: number, voiceSeconds: number, smsCount: number } };

export type AdjustmentFieldsFragment = { forPeriod: string, amount: number, usage: { dataMb: number, voiceSeconds: number, smsCount: number } };

export type UserBillQueryVariables = Exact<{
  userId: string | number;
  period: string;
}>;


export type UserBillQuery = { user: { id: string, bill: { period: string, status: BillStatus, baseFee: number, overageCharge: number, adjustmentTotal: number, total: number, eventsApplied: number, updatedAt: string | null, invoice: { number: string, issuedAt: string } | null, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, unratedUsage: { dataMb: number, voiceSeconds: number, smsCount: number }, lines: Array<{ days: number, baseFee: number, overageCharge: number, plan: { id: string, name: string }, allowance: { dataMb: number | null, voiceSeconds: number | null, smsCount: number | null }, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, overage: { dataMb: number, voiceSeconds: number, smsCount: number } }>, adjustments: Array<{ forPeriod: string, amount: number, usage: { dataMb: number, voiceSeconds: number, smsCount: number } }> } } | null };

export type PeriodInvoicesQueryVariables = Exact<{
  period: string;
  first: number;
  after?: string | null | undefined;
}>;


export type PeriodInvoicesQuery = { invoices: { edges: Array<{ cursor: string, node: { number: string, issuedAt: string, total: number, userId: string, user: { id: string, name: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type InvoiceQueryVariables = Exact<{
  number: string;
}>;


export type InvoiceQuery = { invoice: { number: string, period: string, issuedAt: string, total: number, userId: string, user: { id: string, name: string, phone: string }, bill: { baseFee: number, overageCharge: number, adjustmentTotal: number, total: number, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, unratedUsage: { dataMb: number, voiceSeconds: number, smsCount: number }, lines: Array<{ days: number, baseFee: number, overageCharge: number, plan: { id: string, name: string }, allowance: { dataMb: number | null, voiceSeconds: number | null, smsCount: number | null }, usage: { dataMb: number, voiceSeconds: number, smsCount: number }, overage: { dataMb: number, voiceSeconds: number, smsCount: number } }>, adjustments: Array<{ forPeriod: string, amount: number, usage: { dataMb: number, voiceSeconds: number, smsCount: number } }> } } | null };

export type ClosePeriodMutationVariables = Exact<{
  period: string;
}>;


export type ClosePeriodMutation = { closePeriod: { period: string, invoices: number, alreadyClosed: boolean } };

export type PlanDetailsFragment = { id: string, name: string, monthlyFee: number, allowance: { dataMb: number | null, voiceSeconds: number | null, smsCount: number | null }, overageRate: { perMb: number, perVoiceSecond: number, perSms: number } };

export type PlansQueryVariables = Exact<{ [key: string]: never; }>;


export type PlansQuery = { plans: Array<{ id: string, name: string, monthlyFee: number, allowance: { dataMb: number | null, voiceSeconds: number | null, smsCount: number | null }, overageRate: { perMb: number, perVoiceSecond: number, perSms: number } }> };

export type CreatePlanMutationVariables = Exact<{
  input: CreatePlanInput;
}>;


export type CreatePlanMutation = { createPlan: { id: string } };

export type RecordUsageMutationVariables = Exact<{
  input: RecordUsageInput;
}>;


export type RecordUsageMutation = { recordUsage: { id: string } };

export type UserUsagesQueryVariables = Exact<{
  userId: string | number;
  period: string;
  type?: UsageType | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type UserUsagesQuery = { user: { id: string, usageSummary: { dataMb: number, voiceSeconds: number, smsCount: number, records: number }, usages: { edges: Array<{ cursor: string, node: { id: string, type: UsageType, amount: number, occurredAt: string, recordedAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type UserAccountQueryVariables = Exact<{
  id: string | number;
}>;


export type UserAccountQuery = { user: { id: string, name: string, phone: string, email: string | null, createdAt: string, subscriptions: Array<{ id: string, effectiveAt: string, plan: { id: string, name: string, monthlyFee: number } }>, plan: { id: string, name: string } | null } | null };

export type SubscribePlanMutationVariables = Exact<{
  input: SubscribePlanInput;
}>;


export type SubscribePlanMutation = { subscribePlan: { id: string } };

export type UserSummaryFragment = { id: string, name: string, phone: string, email: string | null, createdAt: string, plan: { id: string, name: string } | null };

export type UsersPageQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
}>;


export type UsersPageQuery = { users: { edges: Array<{ cursor: string, node: { id: string, name: string, phone: string, email: string | null, createdAt: string, plan: { id: string, name: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type UserByPhoneQueryVariables = Exact<{
  phone: string;
}>;


export type UserByPhoneQuery = { userByPhone: { id: string } | null };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp: { id: string } };

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
export const UsageTotalsFieldsFragmentDoc = new TypedDocumentString(`
    fragment UsageTotalsFields on UsageTotals {
  dataMb
  voiceSeconds
  smsCount
}
    `, {"fragmentName":"UsageTotalsFields"}) as unknown as TypedDocumentString<UsageTotalsFieldsFragment, unknown>;
export const BillLineFieldsFragmentDoc = new TypedDocumentString(`
    fragment BillLineFields on BillLine {
  plan {
    id
    name
  }
  days
  baseFee
  allowance {
    dataMb
    voiceSeconds
    smsCount
  }
  usage {
    ...UsageTotalsFields
  }
  overage {
    ...UsageTotalsFields
  }
  overageCharge
}
    fragment UsageTotalsFields on UsageTotals {
  dataMb
  voiceSeconds
  smsCount
}`, {"fragmentName":"BillLineFields"}) as unknown as TypedDocumentString<BillLineFieldsFragment, unknown>;
export const AdjustmentFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdjustmentFields on Adjustment {
  forPeriod
  amount
  usage {
    ...UsageTotalsFields
  }
}
    fragment UsageTotalsFields on UsageTotals {
  dataMb
  voiceSeconds
  smsCount
}`, {"fragmentName":"AdjustmentFields"}) as unknown as TypedDocumentString<AdjustmentFieldsFragment, unknown>;
export const PlanDetailsFragmentDoc = new TypedDocumentString(`
    fragment PlanDetails on Plan {
  id
  name
  monthlyFee
  allowance {
    dataMb
    voiceSeconds
    smsCount
  }
  overageRate {
    perMb
    perVoiceSecond
    perSms
  }
}
    `, {"fragmentName":"PlanDetails"}) as unknown as TypedDocumentString<PlanDetailsFragment, unknown>;
export const UserSummaryFragmentDoc = new TypedDocumentString(`
    fragment UserSummary on User {
  id
  name
  phone
  email
  createdAt
  plan {
    id
    name
  }
}
    `, {"fragmentName":"UserSummary"}) as unknown as TypedDocumentString<UserSummaryFragment, unknown>;
export const UserBillDocument = new TypedDocumentString(`
    query UserBill($userId: ID!, $period: String!) {
  user(id: $userId) {
    id
    bill(period: $period) {
      period
      status
      baseFee
      overageCharge
      adjustmentTotal
      total
      eventsApplied
      updatedAt
      invoice {
        number
        issuedAt
      }
      usage {
        ...UsageTotalsFields
      }
      unratedUsage {
        ...UsageTotalsFields
      }
      lines {
        ...BillLineFields
      }
      adjustments {
        ...AdjustmentFields
      }
    }
  }
}
    fragment UsageTotalsFields on UsageTotals {
  dataMb
  voiceSeconds
  smsCount
}
fragment BillLineFields on BillLine {
  plan {
    id
    name
  }
  days
  baseFee
  allowance {
    dataMb
    voiceSeconds
    smsCount
  }
  usage {
    ...UsageTotalsFields
  }
  overage {
    ...UsageTotalsFields
  }
  overageCharge
}
fragment AdjustmentFields on Adjustment {
  forPeriod
  amount
  usage {
    ...UsageTotalsFields
  }
}`) as unknown as TypedDocumentString<UserBillQuery, UserBillQueryVariables>;
export const PeriodInvoicesDocument = new TypedDocumentString(`
    query PeriodInvoices($period: String!, $first: Int!, $after: String) {
  invoices(period: $period, first: $first, after: $after) {
    edges {
      cursor
      node {
        number
        issuedAt
        total
        userId
        user {
          id
          name
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<PeriodInvoicesQuery, PeriodInvoicesQueryVariables>;
export const InvoiceDocument = new TypedDocumentString(`
    query Invoice($number: String!) {
  invoice(number: $number) {
    number
    period
    issuedAt
    total
    userId
    user {
      id
      name
      phone
    }
    bill {
      baseFee
      overageCharge
      adjustmentTotal
      total
      usage {
        ...UsageTotalsFields
      }
      unratedUsage {
        ...UsageTotalsFields
      }
      lines {
        ...BillLineFields
      }
      adjustments {
        ...AdjustmentFields
      }
    }
  }
}
    fragment UsageTotalsFields on UsageTotals {
  dataMb
  voiceSeconds
  smsCount
}
fragment BillLineFields on BillLine {
  plan {
    id
    name
  }
  days
  baseFee
  allowance {
    dataMb
    voiceSeconds
    smsCount
  }
  usage {
    ...UsageTotalsFields
  }
  overage {
    ...UsageTotalsFields
  }
  overageCharge
}
fragment AdjustmentFields on Adjustment {
  forPeriod
  amount
  usage {
    ...UsageTotalsFields
  }
}`) as unknown as TypedDocumentString<InvoiceQuery, InvoiceQueryVariables>;
export const ClosePeriodDocument = new TypedDocumentString(`
    mutation ClosePeriod($period: String!) {
  closePeriod(period: $period) {
    period
    invoices
    alreadyClosed
  }
}
    `) as unknown as TypedDocumentString<ClosePeriodMutation, ClosePeriodMutationVariables>;
export const PlansDocument = new TypedDocumentString(`
    query Plans {
  plans {
    ...PlanDetails
  }
}
    fragment PlanDetails on Plan {
  id
  name
  monthlyFee
  allowance {
    dataMb
    voiceSeconds
    smsCount
  }
  overageRate {
    perMb
    perVoiceSecond
    perSms
  }
}`) as unknown as TypedDocumentString<PlansQuery, PlansQueryVariables>;
export const CreatePlanDocument = new TypedDocumentString(`
    mutation CreatePlan($input: CreatePlanInput!) {
  createPlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<CreatePlanMutation, CreatePlanMutationVariables>;
export const RecordUsageDocument = new TypedDocumentString(`
    mutation RecordUsage($input: RecordUsageInput!) {
  recordUsage(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<RecordUsageMutation, RecordUsageMutationVariables>;
export const UserUsagesDocument = new TypedDocumentString(`
    query UserUsages($userId: ID!, $period: String!, $type: UsageType, $first: Int!, $after: String) {
  user(id: $userId) {
    id
    usageSummary(period: $period) {
      dataMb
      voiceSeconds
      smsCount
      records
    }
    usages(period: $period, type: $type, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          type
          amount
          occurredAt
          recordedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UserUsagesQuery, UserUsagesQueryVariables>;
export const UserAccountDocument = new TypedDocumentString(`
    query UserAccount($id: ID!) {
  user(id: $id) {
    ...UserSummary
    subscriptions {
      id
      effectiveAt
      plan {
        id
        name
        monthlyFee
      }
    }
  }
}
    fragment UserSummary on User {
  id
  name
  phone
  email
  createdAt
  plan {
    id
    name
  }
}`) as unknown as TypedDocumentString<UserAccountQuery, UserAccountQueryVariables>;
export const SubscribePlanDocument = new TypedDocumentString(`
    mutation SubscribePlan($input: SubscribePlanInput!) {
  subscribePlan(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SubscribePlanMutation, SubscribePlanMutationVariables>;
export const UsersPageDocument = new TypedDocumentString(`
    query UsersPage($first: Int!, $after: String) {
  users(first: $first, after: $after) {
    edges {
      cursor
      node {
        ...UserSummary
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment UserSummary on User {
  id
  name
  phone
  email
  createdAt
  plan {
    id
    name
  }
}`) as unknown as TypedDocumentString<UsersPageQuery, UsersPageQueryVariables>;
export const UserByPhoneDocument = new TypedDocumentString(`
    query UserByPhone($phone: String!) {
  userByPhone(phone: $phone) {
    id
  }
}
    `) as unknown as TypedDocumentString<UserByPhoneQuery, UserByPhoneQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;