import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { BillView } from '../domain/closing/bill-view';
import { InvoiceNode } from '../resolvers/invoice-node';
import { RatedLine } from '../domain/rate-line';
import { EntityRef } from '../resolvers/entity-refs';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant: with an offset on input, UTC on output. */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Late usage of a closed period, charged on a later bill. */
export type Adjustment = {
  __typename?: 'Adjustment';
  /** rated(forPeriod with every usage record known) - invoiced - adjustments already made */
  amount: Scalars['Int']['output'];
  /** The closed period the late usage belongs to. */
  forPeriod: Scalars['String']['output'];
  /** The late usage's totals. */
  usage: UsageTotals;
};

/** null = unlimited. */
export type Allowance = {
  __typename?: 'Allowance';
  dataMb?: Maybe<Scalars['Int']['output']>;
  smsCount?: Maybe<Scalars['Int']['output']>;
  voiceSeconds?: Maybe<Scalars['Int']['output']>;
};

export type Bill = {
  __typename?: 'Bill';
  /** The sum of the adjustments' amounts (0 when there are none). */
  adjustmentTotal: Scalars['Int']['output'];
  /** Late usage of closed periods charged on this bill. */
  adjustments: Array<Adjustment>;
  baseFee: Scalars['Int']['output'];
  /** Events that shaped this bill. */
  eventsApplied: Scalars['Int']['output'];
  /** Null while OPEN (and for a closed period the user had nothing in). */
  invoice?: Maybe<Invoice>;
  /** One per plan used in the period, in order of first day. */
  lines: Array<BillLine>;
  overageCharge: Scalars['Int']['output'];
  period: Scalars['String']['output'];
  status: BillStatus;
  /** baseFee + overageCharge + adjustmentTotal */
  total: Scalars['Int']['output'];
  /** Usage on days with no plan in force (not charged). */
  unratedUsage: UsageTotals;
  /** When the last of them was applied. */
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
  /** All usage of the period. */
  usage: UsageTotals;
  user: User;
  userId: Scalars['ID']['output'];
};

export type BillLine = {
  __typename?: 'BillLine';
  /** Prorated; null = unlimited. */
  allowance: Allowance;
  baseFee: Scalars['Int']['output'];
  days: Scalars['Int']['output'];
  overage: UsageTotals;
  overageCharge: Scalars['Int']['output'];
  plan: Plan;
  usage: UsageTotals;
};

export type BillStatus =
  | 'CLOSED'
  | 'OPEN';

export type ClosePeriodResult = {
  __typename?: 'ClosePeriodResult';
  /** The period was closed before this call. */
  alreadyClosed: Scalars['Boolean']['output'];
  /** Invoices the period's close issued. */
  invoices: Scalars['Int']['output'];
  period: Scalars['String']['output'];
};

/** A closed period's bill, frozen: it never changes again. */
export type Invoice = {
  __typename?: 'Invoice';
  /** The frozen bill: lines, usage and adjustments. */
  bill: Bill;
  /** When the period closed for late usage (its cutoff). */
  issuedAt: Scalars['DateTime']['output'];
  /** INV-YYYYMM-NNNNNN, from 000001 without gaps in order of user id. */
  number: Scalars['String']['output'];
  period: Scalars['String']['output'];
  /** The bill's total, adjustments included. */
  total: Scalars['Int']['output'];
  user: User;
  userId: Scalars['ID']['output'];
};

export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
};

export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Closes a period that has ended (and every earlier one still open): its bills become
   * invoices. A period not yet ended -> BAD_USER_INPUT. Closing again changes nothing.
   */
  closePeriod: ClosePeriodResult;
};


export type MutationClosePeriodArgs = {
  period: Scalars['String']['input'];
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Plan = {
  __typename?: 'Plan';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A period with nothing in it is a zero bill, not null. */
  bill: Bill;
  /** One invoice by its number (INV-YYYYMM-NNNNNN); null when there is no such invoice. */
  invoice?: Maybe<Invoice>;
  /** A closed period's invoices, by number. A period not closed (yet) has none. */
  invoices: InvoiceConnection;
};


export type QueryBillArgs = {
  period: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type QueryInvoiceArgs = {
  number: Scalars['String']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  period: Scalars['String']['input'];
};

export type UsageTotals = {
  __typename?: 'UsageTotals';
  dataMb: Scalars['Int']['output'];
  smsCount: Scalars['Int']['output'];
  voiceSeconds: Scalars['Int']['output'];
};

export type User = {
  __typename?: 'User';
  /** A period (YYYY-MM, billing time zone) with nothing in it is a zero bill, not null. */
  bill: Bill;
  id: Scalars['ID']['output'];
};


export type UserBillArgs = {
  period: Scalars['String']['input'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Adjustment: ResolverTypeWrapper<Adjustment>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Allowance: ResolverTypeWrapper<Allowance>;
  Bill: ResolverTypeWrapper<BillView>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BillLine: ResolverTypeWrapper<RatedLine>;
  BillStatus: BillStatus;
  ClosePeriodResult: ResolverTypeWrapper<ClosePeriodResult>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceNode>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Plan: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UsageTotals: ResolverTypeWrapper<UsageTotals>;
  User: ResolverTypeWrapper<EntityRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Adjustment: Adjustment;
  Int: Scalars['Int']['output'];
  Allowance: Allowance;
  Bill: BillView;
  ID: Scalars['ID']['output'];
  BillLine: RatedLine;
  ClosePeriodResult: ClosePeriodResult;
  Boolean: Scalars['Boolean']['output'];
  DateTime: Scalars['DateTime']['output'];
  Invoice: InvoiceNode;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Plan: EntityRef;
  Query: Record<PropertyKey, never>;
  UsageTotals: UsageTotals;
  User: EntityRef;
  String: Scalars['String']['output'];
}>;

export type AuthorizeDirectiveArgs = {
  scopes: Array<Array<Scalars['String']['input']>>;
};

export type AuthorizeDirectiveResolver<Result, Parent, ContextType = Context, Args = AuthorizeDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type OwnedByDirectiveArgs = {
  argument?: Maybe<Scalars['String']['input']>;
  parent?: Maybe<Scalars['String']['input']>;
  result?: Maybe<Scalars['String']['input']>;
};

export type OwnedByDirectiveResolver<Result, Parent, ContextType = Context, Args = OwnedByDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AdjustmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Adjustment'] = ResolversParentTypes['Adjustment']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forPeriod?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['UsageTotals'], ParentType, ContextType>;
}>;

export type AllowanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Allowance'] = ResolversParentTypes['Allowance']> = ResolversObject<{
  dataMb?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  smsCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  voiceSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type BillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill']> = ResolversObject<{
  adjustmentTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  adjustments?: Resolver<Array<ResolversTypes['Adjustment']>, ParentType, ContextType>;
  baseFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['BillLine']>, ParentType, ContextType>;
  overageCharge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BillStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unratedUsage?: Resolver<ResolversTypes['UsageTotals'], ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['UsageTotals'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type BillLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillLine'] = ResolversParentTypes['BillLine']> = ResolversObject<{
  allowance?: Resolver<ResolversTypes['Allowance'], ParentType, ContextType>;
  baseFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  days?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overage?: Resolver<ResolversTypes['UsageTotals'], ParentType, ContextType>;
  overageCharge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  usage?: Resolver<ResolversTypes['UsageTotals'], ParentType, ContextType>;
}>;

export type ClosePeriodResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ClosePeriodResult'] = ResolversParentTypes['ClosePeriodResult']> = ResolversObject<{
  alreadyClosed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice']> = ResolversObject<{
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type InvoiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type InvoiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  closePeriod?: Resolver<ResolversTypes['ClosePeriodResult'], ParentType, ContextType, RequireFields<MutationClosePeriodArgs, 'period'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType, RequireFields<QueryBillArgs, 'period' | 'userId'>>;
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'number'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, RequireFields<QueryInvoicesArgs, 'first' | 'period'>>;
}>;

export type UsageTotalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageTotals'] = ResolversParentTypes['UsageTotals']> = ResolversObject<{
  dataMb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  smsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voiceSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType, RequireFields<UserBillArgs, 'period'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Adjustment?: AdjustmentResolvers<ContextType>;
  Allowance?: AllowanceResolvers<ContextType>;
  Bill?: BillResolvers<ContextType>;
  BillLine?: BillLineResolvers<ContextType>;
  ClosePeriodResult?: ClosePeriodResultResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UsageTotals?: UsageTotalsResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  authorize?: AuthorizeDirectiveResolver<any, any, ContextType>;
  ownedBy?: OwnedByDirectiveResolver<any, any, ContextType>;
}>;
