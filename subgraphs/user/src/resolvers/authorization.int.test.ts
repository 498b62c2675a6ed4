import { randomUUID } from 'node:crypto';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES, type Identity } from '@tally/auth';
import {
  buildAuthorizedSubgraphSchema,
  createFormatError,
  type AuthorizationContext,
} from '@tally/service-kit';
import { aPlan, aSubscription, aUser, nextPhone } from '../../test/support/builders';
import { logger } from '../../test/support/infra';
import { startUserDeps, type StartedUserDeps } from '../../test/support/subgraph';
import { createContextFactory, type Context } from '../context';
import { schema } from '../server';
import { resolvers } from '.';

/**
 * security.md's operations table, row by row, for every role and for no token at all: the
 * real schema with its @authorize rules and real resolvers over a real database, executed
 * as the gateway's signed call would be (the caller's identity in the context).
 */
const OWNER = aUser({ name: 'Owner Park' });
const OTHER = aUser({ name: 'Other Choi' });
const PLAN = aPlan();

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
  'subscriber, own': role('subscriber', OWNER.id),
  'subscriber, other': role('subscriber', OTHER.id),
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
const PUBLIC = expect6(ok, ok, ok, ok, ok, ok);
const USERS_READ_OR_OWN = expect6(U, ok, ok, F, ok, F);
const USERS_WRITE = expect6(U, ok, ok, F, F, F);

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }>;
}

describe('who may read and write what in the user subgraph', () => {
  let env: StartedUserDeps;
  let server: ApolloServer<Context & AuthorizationContext>;
  let context: () => Promise<Context>;

  beforeAll(async () => {
    env = await startUserDeps('user-authz');
    await env.stores.plans.insert(PLAN, randomUUID());
    for (const user of [OWNER, OTHER]) {
      await env.stores.users.insert(user, randomUUID());
      await env.stores.subscriptions.put(
        aSubscription({ userId: user.id, planId: PLAN.id }),
        randomUUID(),
      );
    }
    server = new ApolloServer<Context & AuthorizationContext>({
      schema: buildAuthorizedSubgraphSchema(schema.typeDefs, resolvers),
      formatError: createFormatError(logger),
      includeStacktraceInErrorResponses: false,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    await server.start();
    context = createContextFactory(env.deps);
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
      { contextValue: { ...(await context()), identity } },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return JSON.parse(JSON.stringify(res.body.singleResult)) as Answer;
  };

  /** What each caller got: answers, or the one code every error carried. */
  const outcomes = async (op: () => { query: string; variables?: Record<string, unknown> }) => {
    const got = {} as Record<Caller, string>;
    for (const [caller, identity] of Object.entries(CALLERS) as Array<[Caller, Identity]>) {
      const { query, variables } = op();
      const answer = await run(identity, query, variables);
      const codes = [...new Set(answer.errors?.map((e) => e.extensions?.code))];
      got[caller] = codes.length === 0 ? ok : codes.join(' + ');
      if (codes.length > 0) {
        // A refusal carries no stack and leaks nothing of the owner's.
        expect(answer.errors?.every((e) => Object.keys(e.extensions ?? {}).length === 1)).toBe(
          true,
        );
        expect(JSON.stringify(answer.data ?? null)).not.toMatch(/Owner Park|\+82/);
      }
    }
    return got;
  };

  const ownerRef = () => ({ representations: [{ __typename: 'User', id: OWNER.id }] });

  it.each<[string, () => { query: string; variables?: Record<string, unknown> }, object]>([
    [
      'plans, plan, __typename: public',
      () => ({
        query: 'query ($id: ID!) { __typename plans { id } plan(id: $id) { id monthlyFee } }',
        variables: { id: PLAN.id },
      }),
      PUBLIC,
    ],
    [
      'createPlan: plans:write',
      () => ({
        query: `mutation ($id: ID!) { createPlan(input: { id: $id, name: "Max", monthlyFee: 1,
          allowance: {}, overageRate: { perMb: 0, perVoiceSecond: 0, perSms: 0 } }) { id } }`,
        variables: { id: `AUTHZ-${randomUUID().slice(0, 8).toUpperCase()}` },
      }),
      expect6(U, ok, F, F, F, F),
    ],
    [
      'signUp: users:write',
      () => ({
        query:
          'mutation ($phone: String!) { signUp(input: { name: "New", phone: $phone }) { id } }',
        variables: { phone: nextPhone() },
      }),
      USERS_WRITE,
    ],
    [
      'subscribePlan: users:write',
      () => ({
        query: `mutation ($userId: ID!, $planId: ID!) {
          subscribePlan(input: { userId: $userId, planId: $planId }) { id plan { id } } }`,
        variables: { userId: OWNER.id, planId: PLAN.id },
      }),
      USERS_WRITE,
    ],
    [
      'user: users:read, or self',
      () => ({
        query: 'query ($id: ID!) { user(id: $id) { id name phone email createdAt plan { id } } }',
        variables: { id: OWNER.id },
      }),
      USERS_READ_OR_OWN,
    ],
    [
      'userByPhone: users:read, or self',
      () => ({
        query: 'query ($phone: String!) { userByPhone(phone: $phone) { id name } }',
        variables: { phone: OWNER.phone },
      }),
      USERS_READ_OR_OWN,
    ],
    [
      'users: users:read (everybody is nobody’s own)',
      () => ({ query: '{ users(first: 5) { edges { node { id name } } } }' }),
      expect6(U, ok, ok, F, F, F),
    ],
    [
      'User.subscriptions (through _entities): users:read, or self',
      () => ({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on User { subscriptions { id plan { id } user { id name } } } } }`,
        variables: ownerRef(),
      }),
      USERS_READ_OR_OWN,
    ],
    [
      'User name, phone, email (through _entities, e.g. recordUsage { user { name } }): users:read, or self',
      () => ({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on User { name phone email } } }`,
        variables: ownerRef(),
      }),
      USERS_READ_OR_OWN,
    ],
    [
      "User's key alone (another subgraph checking a user exists)",
      () => ({
        query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
          ... on User { id } } }`,
        variables: ownerRef(),
      }),
      PUBLIC,
    ],
    [
      "_service (guarded by the gateway's signature, not by scopes)",
      () => ({ query: '{ _service { sdl } }' }),
      PUBLIC,
    ],
  ])('%s', async (_row, op, expected) => {
    expect(await outcomes(op)).toEqual(expected);
  });

  it('answers UNAUTHENTICATED and FORBIDDEN with a message naming what is needed', async () => {
    const query = 'query ($id: ID!) { user(id: $id) { name } }';
    expect((await run(ANONYMOUS, query, { id: OWNER.id })).errors).toEqual([
      {
        message:
          "Authentication required: Query.user needs a token with users:read, or self (the caller's own data only)",
        locations: expect.any(Array),
        path: ['user'],
        extensions: { code: U },
      },
    ]);
    expect((await run(CALLERS['subscriber, other'], query, { id: OWNER.id })).errors).toEqual([
      expect.objectContaining({
        message:
          "Forbidden: Query.user needs users:read, or self (the caller's own data only); this is not the caller's own",
      }),
    ]);
  });

  it('nulls only the refused field: the rest of the answer stays intact', async () => {
    const answer = await run(
      CALLERS['subscriber, own'],
      `query ($mine: ID!, $theirs: ID!) {
        plans { id } mine: user(id: $mine) { name } theirs: user(id: $theirs) { name } }`,
      { mine: OWNER.id, theirs: OTHER.id },
    );
    expect(answer.data).toEqual({
      plans: expect.arrayContaining([{ id: PLAN.id }]),
      mine: { name: 'Owner Park' },
      theirs: null,
    });
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['theirs'], extensions: { code: F } }),
    ]);
  });

  it('tells a subscriber nothing about phones that are not theirs, registered or not', async () => {
    const query = 'query ($phone: String!) { userByPhone(phone: $phone) { id } }';
    const subscriber = CALLERS['subscriber, own'];
    const registered = await run(subscriber, query, { phone: OTHER.phone });
    const unknown = await run(subscriber, query, { phone: `+82${nextPhone().slice(1)}` });
    expect(registered.errors?.[0]?.extensions?.code).toBe(F);
    expect(unknown).toEqual(registered);
  });

  it('a refused signUp stores nothing', async () => {
    const phone = nextPhone();
    const signUp =
      'mutation ($phone: String!) { signUp(input: { name: "X", phone: $phone }) { id } }';
    expect((await run(CALLERS.mediation, signUp, { phone })).data).toBeNull();
    const found = await run(
      CALLERS.admin,
      'query ($p: String!) { userByPhone(phone: $p) { id } }',
      {
        p: phone,
      },
    );
    expect(found).toEqual({ data: { userByPhone: null } });
  });
});
