import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES, type Identity } from '@tally/auth';
import {
  buildAuthorizedSubgraphSchema,
  createFormatError,
  type AuthorizationContext,
} from '@tally/service-kit';
import { logger } from '../../test/support/infra';
import { startUsageDeps } from '../../test/support/usage-deps';
import { createContext, type Context } from '../context';
import { schema } from '../server';
import { makeRecordUsages } from '../use-cases/record-usages';
import { makeUsageQueries } from '../use-cases/usage-queries';
import { resolvers } from '.';

/**
 * security.md's operations table for the usage subgraph, for every role and for no token:
 * the real schema's @authorize rules and real resolvers over a real database and outbox,
 * executed as the gateway's signed call would be (the caller's identity in the context).
 */
const OWNER = 'user-1';
const OTHER = 'user-2';
const PERIOD = '2026-01';
const OCCURRED_AT = '2026-01-15T10:00:00+09:00';

const role = (name: string, subject?: string): Identity => ({
  authenticated: true,
  subject,
  scopes: new Set(DEFAULT_ROLE_SCOPES[name]),
});
const CALLERS = {
  anonymous: ANONYMOUS,
  admin: role('admin'),
  agent: role('agent'),
  mediation: role('mediation'),
  'subscriber, own': role('subscriber', OWNER),
  'subscriber, other': role('subscriber', OTHER),
};
type Caller = keyof typeof CALLERS;
type Outcome = 'answers' | 'UNAUTHENTICATED' | 'FORBIDDEN';
const U = 'UNAUTHENTICATED';
const F = 'FORBIDDEN';
const ok = 'answers';
const expect6 = (
  ...o: [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome]
): Record<Caller, Outcome> => ({
  anonymous: o[0],
  admin: o[1],
  agent: o[2],
  mediation: o[3],
  'subscriber, own': o[4],
  'subscriber, other': o[5],
});
const USAGE_WRITE = expect6(U, ok, F, ok, F, F);
const USAGE_READ_OR_OWN = expect6(U, ok, ok, F, ok, F);

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }>;
}
type Operation = () => { query: string; variables?: Record<string, unknown> };

describe('who may read and write what in the usage subgraph', () => {
  let env: Awaited<ReturnType<typeof startUsageDeps>>;
  let server: ApolloServer<Context & AuthorizationContext>;
  let shared: Omit<Context, 'recordById'>;
  const ownRecord = `authz-own-${randomUUID()}`;

  const usageInput = (id: string, userId = OWNER) => ({
    id,
    userId,
    type: 'SMS' as const,
    amount: 1,
    occurredAt: OCCURRED_AT,
  });

  beforeAll(async () => {
    env = await startUsageDeps('usage-authz');
    shared = {
      queries: makeUsageQueries(env.stores),
      recordUsages: makeRecordUsages(env.deps),
    };
    const seeded = [usageInput(ownRecord), usageInput(`authz-other-${randomUUID()}`, OTHER)];
    await shared.recordUsages(seeded.map((i) => ({ ...i, occurredAt: new Date(i.occurredAt) })));
    server = new ApolloServer<Context & AuthorizationContext>({
      schema: buildAuthorizedSubgraphSchema(schema.typeDefs, resolvers),
      formatError: createFormatError(logger),
      includeStacktraceInErrorResponses: false,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await server.start();
  });
  afterAll(async () => {
    await server?.stop();
    await env?.close();
  });

  const run = async (
    identity: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer> => {
    const res = await server.executeOperation(
      { query, variables },
      { contextValue: { ...createContext(shared), identity } },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return JSON.parse(JSON.stringify(res.body.singleResult)) as Answer;
  };

  /** What each caller got: answers, or the one code every error carried. */
  const outcomes = async (op: Operation) => {
    const got = {} as Record<Caller, string>;
    for (const [caller, identity] of Object.entries(CALLERS) as Array<[Caller, Identity]>) {
      const { query, variables } = op();
      const answer = await run(identity, query, variables);
      const codes = [...new Set(answer.errors?.map((e) => e.extensions?.code))];
      got[caller] = codes.length === 0 ? ok : codes.join(' + ');
    }
    return got;
  };

  const ownerRef = () => ({ representations: [{ __typename: 'User', id: OWNER }] });

  it.each<[string, Operation, object]>([
    [
      'recordUsage: usage:write',
      () => ({
        query:
          'mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id amount user { id } } }',
        variables: { input: usageInput(`authz-${randomUUID()}`) },
      }),
      USAGE_WRITE,
    ],
    [
      'recordUsages: usage:write',
      () => ({
        query: `mutation ($input: [RecordUsageInput!]!) {
          recordUsages(input: $input) { accepted duplicates rejected { index code } } }`,
        variables: { input: [usageInput(`authz-${randomUUID()}`)] },
      }),
      USAGE_WRITE,
    ],
    [
      'usageRecord: usage:read, or self',
      () => ({
        query: `query ($id: ID!) {
          usageRecord(id: $id) { id type amount occurredAt recordedAt user { id } } }`,
        variables: { id: ownRecord },
      }),
      USAGE_READ_OR_OWN,
    ],
    [
      'User.usages (through _entities): usage:read, or self',
      () => ({
        query: `query ($representations: [_Any!]!, $period: String!) {
          _entities(representations: $representations) { ... on User {
            usages(period: $period) { edges { cursor node { id amount user { id } } } pageInfo { hasNextPage } } } } }`,
        variables: { ...ownerRef(), period: PERIOD },
      }),
      USAGE_READ_OR_OWN,
    ],
    [
      'User.usageSummary (through _entities): usage:read, or self',
      () => ({
        query: `query ($representations: [_Any!]!, $period: String!) {
          _entities(representations: $representations) { ... on User {
            usageSummary(period: $period) { period smsCount records } } } }`,
        variables: { ...ownerRef(), period: PERIOD },
      }),
      USAGE_READ_OR_OWN,
    ],
    [
      'a UsageRecord entity: usage:read, usage:write (what it recorded), or self',
      () => ({
        query: `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on UsageRecord { id amount } } }`,
        variables: { representations: [{ __typename: 'UsageRecord', id: ownRecord }] },
      }),
      expect6(U, ok, ok, ok, ok, F),
    ],
    [
      "User's key alone",
      () => ({
        query: `query ($representations: [_Any!]!) {
          _entities(representations: $representations) { ... on User { id } } }`,
        variables: ownerRef(),
      }),
      expect6(ok, ok, ok, ok, ok, ok),
    ],
  ])('%s', async (_row, op, expected) => {
    expect(await outcomes(op)).toEqual(expected);
  });

  it("answers a subscriber's own usage, and nulls only what is somebody else's", async () => {
    const answer = await run(
      CALLERS['subscriber, own'],
      `query ($representations: [_Any!]!, $period: String!) {
        _entities(representations: $representations) { ... on User {
          id usageSummary(period: $period) { records } } } }`,
      {
        representations: [OWNER, OTHER].map((id) => ({ __typename: 'User', id })),
        period: PERIOD,
      },
    );
    expect(answer.data).toEqual({
      _entities: [{ id: OWNER, usageSummary: { records: expect.any(Number) } }, null],
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 1, 'usageSummary'], extensions: { code: F } }),
    ]);
  });

  it('tells a subscriber nothing about record ids that are not theirs, stored or not', async () => {
    const query = 'query ($id: ID!) { usageRecord(id: $id) { id } }';
    const subscriber = CALLERS['subscriber, other'];
    const stored = await run(subscriber, query, { id: ownRecord });
    const unknown = await run(subscriber, query, { id: `nothing-${randomUUID()}` });
    expect(stored.errors?.[0]?.extensions?.code).toBe(F);
    expect(unknown).toEqual(stored);
    expect(await run(CALLERS.agent, query, { id: `nothing-${randomUUID()}` })).toEqual({
      data: { usageRecord: null },
    });
  });

  it('a refused recordUsage records nothing', async () => {
    const input = usageInput(`authz-refused-${randomUUID()}`);
    const record = 'mutation ($input: RecordUsageInput!) { recordUsage(input: $input) { id } }';
    for (const caller of ['anonymous', 'agent', 'subscriber, own'] as const) {
      expect((await run(CALLERS[caller], record, { input })).data).toBeNull();
    }
    const read = 'query ($id: ID!) { usageRecord(id: $id) { id } }';
    expect(await run(CALLERS.admin, read, { id: input.id })).toEqual({
      data: { usageRecord: null },
    });
  });
});
