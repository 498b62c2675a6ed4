import { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import { UsageRecord as UsageRecordModel, UserRef } from '../domain/usage-record';
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
  /** An ISO-8601 instant: with an offset on input (2026-11-03T10:15:00+09:00), UTC on output. */
  DateTime: { input: Date; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Recording an id again with identical content returns the first record and changes nothing. */
  recordUsage: UsageRecord;
  /** 1..1000 items, each judged alone. */
  recordUsages: RecordUsagesResult;
};


export type MutationRecordUsageArgs = {
  input: RecordUsageInput;
};


export type MutationRecordUsagesArgs = {
  input: Array<RecordUsageInput>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  usageRecord?: Maybe<UsageRecord>;
};


export type QueryUsageRecordArgs = {
  id: Scalars['ID']['input'];
};

export type RecordUsageInput = {
  /** > 0 */
  amount: Scalars['Int']['input'];
  /** The caller's idempotency key, unique per record. */
  id: Scalars['ID']['input'];
  /** Not more than 5 minutes in the future. */
  occurredAt: Scalars['DateTime']['input'];
  type: UsageType;
  userId: Scalars['ID']['input'];
};

export type RecordUsagesResult = {
  __typename?: 'RecordUsagesResult';
  /** Newly recorded. */
  accepted: Scalars['Int']['output'];
  /** Same id and same content as an earlier record: not counted again. */
  duplicates: Scalars['Int']['output'];
  rejected: Array<RejectedUsage>;
};

export type RejectedUsage = {
  __typename?: 'RejectedUsage';
  code: Scalars['String']['output'];
  id?: Maybe<Scalars['ID']['output']>;
  index: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type UsageRecord = {
  __typename?: 'UsageRecord';
  amount: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  occurredAt: Scalars['DateTime']['output'];
  recordedAt: Scalars['DateTime']['output'];
  type: UsageType;
  user: User;
};

export type UsageRecordConnection = {
  __typename?: 'UsageRecordConnection';
  edges: Array<UsageRecordEdge>;
  pageInfo: PageInfo;
};

export type UsageRecordEdge = {
  __typename?: 'UsageRecordEdge';
  cursor: Scalars['String']['output'];
  node: UsageRecord;
};

export type UsageSummary = {
  __typename?: 'UsageSummary';
  dataMb: Scalars['Int']['output'];
  period: Scalars['String']['output'];
  records: Scalars['Int']['output'];
  smsCount: Scalars['Int']['output'];
  voiceSeconds: Scalars['Int']['output'];
};

/** Units: DATA in megabytes, VOICE in seconds, SMS in messages. */
export type UsageType =
  | 'DATA'
  | 'SMS'
  | 'VOICE';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  usageSummary: UsageSummary;
  /** Newest first. */
  usages: UsageRecordConnection;
};


export type UserUsageSummaryArgs = {
  period: Scalars['String']['input'];
};


export type UserUsagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  period: Scalars['String']['input'];
  type?: InputMaybe<UsageType>;
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
  UsageRecord: UsageRecord;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  UsageRecord:
    ( { __typename: 'UsageRecord' }
    & GraphQLRecursivePick<FederationTypes['UsageRecord'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  RecordUsageInput: RecordUsageInput;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  RecordUsagesResult: ResolverTypeWrapper<RecordUsagesResult>;
  RejectedUsage: ResolverTypeWrapper<RejectedUsage>;
  UsageRecord: ResolverTypeWrapper<UsageRecordModel>;
  UsageRecordConnection: ResolverTypeWrapper<Omit<UsageRecordConnection, 'edges'> & { edges: Array<ResolversTypes['UsageRecordEdge']> }>;
  UsageRecordEdge: ResolverTypeWrapper<Omit<UsageRecordEdge, 'node'> & { node: ResolversTypes['UsageRecord'] }>;
  UsageSummary: ResolverTypeWrapper<UsageSummary>;
  UsageType: UsageType;
  User: ResolverTypeWrapper<UserRef>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  ID: Scalars['ID']['output'];
  RecordUsageInput: RecordUsageInput;
  Int: Scalars['Int']['output'];
  RecordUsagesResult: RecordUsagesResult;
  RejectedUsage: RejectedUsage;
  UsageRecord: UsageRecordModel;
  UsageRecordConnection: Omit<UsageRecordConnection, 'edges'> & { edges: Array<ResolversParentTypes['UsageRecordEdge']> };
  UsageRecordEdge: Omit<UsageRecordEdge, 'node'> & { node: ResolversParentTypes['UsageRecord'] };
  UsageSummary: UsageSummary;
  User: UserRef;
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

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  recordUsage?: Resolver<ResolversTypes['UsageRecord'], ParentType, ContextType, RequireFields<MutationRecordUsageArgs, 'input'>>;
  recordUsages?: Resolver<ResolversTypes['RecordUsagesResult'], ParentType, ContextType, RequireFields<MutationRecordUsagesArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  usageRecord?: Resolver<Maybe<ResolversTypes['UsageRecord']>, ParentType, ContextType, RequireFields<QueryUsageRecordArgs, 'id'>>;
}>;

export type RecordUsagesResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RecordUsagesResult'] = ResolversParentTypes['RecordUsagesResult']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  duplicates?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<Array<ResolversTypes['RejectedUsage']>, ParentType, ContextType>;
}>;

export type RejectedUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RejectedUsage'] = ResolversParentTypes['RejectedUsage']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UsageRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageRecord'] = ResolversParentTypes['UsageRecord'], FederationReferenceType extends FederationReferenceTypes['UsageRecord'] = FederationReferenceTypes['UsageRecord']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['UsageRecord']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['UsageType'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UsageRecordConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageRecordConnection'] = ResolversParentTypes['UsageRecordConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UsageRecordEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UsageRecordEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageRecordEdge'] = ResolversParentTypes['UsageRecordEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UsageRecord'], ParentType, ContextType>;
}>;

export type UsageSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageSummary'] = ResolversParentTypes['UsageSummary']> = ResolversObject<{
  dataMb?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  smsCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  voiceSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  usageSummary?: Resolver<ResolversTypes['UsageSummary'], ParentType, ContextType, RequireFields<UserUsageSummaryArgs, 'period'>>;
  usages?: Resolver<ResolversTypes['UsageRecordConnection'], ParentType, ContextType, RequireFields<UserUsagesArgs, 'first' | 'period'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordUsagesResult?: RecordUsagesResultResolvers<ContextType>;
  RejectedUsage?: RejectedUsageResolvers<ContextType>;
  UsageRecord?: UsageRecordResolvers<ContextType>;
  UsageRecordConnection?: UsageRecordConnectionResolvers<ContextType>;
  UsageRecordEdge?: UsageRecordEdgeResolvers<ContextType>;
  UsageSummary?: UsageSummaryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

export type DirectiveResolvers<ContextType = Context> = ResolversObject<{
  authorize?: AuthorizeDirectiveResolver<any, any, ContextType>;
  ownedBy?: OwnedByDirectiveResolver<any, any, ContextType>;
}>;
