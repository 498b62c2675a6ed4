import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { SettledBill } from '../domain/settle-bill';
import { RatedLine } from '../domain/rate-line';
import { EntityRef } from '../resolvers/entity-refs';
import { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
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

/** null = unlimited. */
export type Allowance = {
  __typename?: 'Allowance';
  dataMb?: Maybe<Scalars['Int']['output']>;
  smsCount?: Maybe<Scalars['Int']['output']>;
  voiceSeconds?: Maybe<Scalars['Int']['output']>;
};

export type Bill = {
  __typename?: 'Bill';
  baseFee: Scalars['Int']['output'];
  /** Events that shaped this bill. */
  eventsApplied: Scalars['Int']['output'];
  /** One per plan used in the period, in order of first day. */
  lines: Array<BillLine>;
  overageCharge: Scalars['Int']['output'];
  period: Scalars['String']['output'];
  /** baseFee + overageCharge */
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

export type Plan = {
  __typename?: 'Plan';
  id: Scalars['ID']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** A period with nothing in it is a zero bill, not null. */
  bill: Bill;
};


export type QueryBillArgs = {
  period: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
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
  Allowance: ResolverTypeWrapper<Allowance>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Bill: ResolverTypeWrapper<SettledBill>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BillLine: ResolverTypeWrapper<RatedLine>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Plan: ResolverTypeWrapper<EntityRef>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  UsageTotals: ResolverTypeWrapper<UsageTotals>;
  User: ResolverTypeWrapper<EntityRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Allowance: Allowance;
  Int: Scalars['Int']['output'];
  Bill: SettledBill;
  ID: Scalars['ID']['output'];
  BillLine: RatedLine;
  DateTime: Scalars['DateTime']['output'];
  Plan: EntityRef;
  Query: Record<PropertyKey, never>;
  UsageTotals: UsageTotals;
  User: EntityRef;
  String: Scalars['String']['output'];
  Boolean: Scalars['Boolean']['output'];
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

export type AllowanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Allowance'] = ResolversParentTypes['Allowance']> = ResolversObject<{
  dataMb?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  smsCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  voiceSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type BillResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Bill'] = ResolversParentTypes['Bill']> = ResolversObject<{
  baseFee?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsApplied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['BillLine']>, ParentType, ContextType>;
  overageCharge?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  bill?: Resolver<ResolversTypes['Bill'], ParentType, ContextType, RequireFields<QueryBillArgs, 'period' | 'userId'>>;
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
  Allowance?: AllowanceResolvers<ContextType>;
  Bill?: BillResolvers<ContextType>;
  BillLine?: BillLineResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Plan?: PlanResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  UsageTotals?: UsageTotalsResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  authorize?: AuthorizeDirectiveResolver<any, any, ContextType>;
  ownedBy?: OwnedByDirectiveResolver<any, any, ContextType>;
}>;
