import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES, type Identity } from '@tally/auth';
import {
  buildAuthorizedSubgraphSchema,
  createFormatError,
  type AuthorizationContext,
} from '@tally/service-kit';
import { BASIC, SEOUL } from '../../test/billing-fixtures';
import { logger, openDb } from '../../test/support/infra';
import { createContext, type Context } from '../context';
import { schema } from '../server';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from '../use-cases/apply-events';
import { makeBillOf } from '../use-cases/bill-of';
import { makeInvoices } from '../use-cases/invoices';
import { closerOf, settlementOf } from '../../test/support/settlement';
import type { ContextDeps } from '../context';
import { resolvers } from '.';

/**
 * security.md's operations table for the settlement subgraph, for every role and for no
 * token: the real schema's @authorize rules and real resolvers over a real bill state,
 * executed as the gateway's signed call would be (the caller's identity in the context).
 */
const OWNER = 'authz-owner';
const OTHER = 'authz-other';
const PERIOD = '2026-11';

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
const BILLS_READ_OR_OWN: Record<Caller, string> = {
  anonymous: 'UNAUTHENTICATED',
  admin: 'answers',
  agent: 'answers',
  mediation: 'FORBIDDEN',
  'subscriber, own': 'answers',
  'subscriber, other': 'FORBIDDEN',
};

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: { code?: string } }>;
}

describe('who may read bills in the settlement subgraph', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let server: ApolloServer<Context & AuthorizationContext>;
  let deps: ContextDeps;

  beforeAll(async () => {
    opened = await openDb('settlement-authz');
    const store = await openBillState(opened.db, { timeZone: SEOUL, logger });
    await makeApplyEvents(settlementOf(opened.db, store, { now: () => new Date() }))([
      {
        kind: 'subscription',
        subscriptionId: 'authz-s',
        userId: OWNER,
        effectiveAt: '2026-10-01T00:00:00+09:00',
        plan: BASIC,
      },
    ]);
    const settlement = settlementOf(opened.db, store);
    const { close } = closerOf(settlement);
    deps = {
      billOf: makeBillOf(settlement),
      invoices: makeInvoices(settlement),
      closePeriod: (period) => close.closeThrough(period, true),
    };
    // October closed: the owner's invoice INV-202610-000001 exists for the invoice rows.
    await deps.closePeriod('2026-10');
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
    await opened?.close();
  });

  const run = async (
    identity: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<Answer> => {
    const res = await server.executeOperation(
      { query, variables },
      { contextValue: { ...createContext(deps), identity } },
    );
    if (res.body.kind !== 'single') throw new Error('expected a single result');
    return JSON.parse(JSON.stringify(res.body.singleResult)) as Answer;
  };

  const outcomes = async (query: string, variables: Record<string, unknown>) => {
    const got = {} as Record<Caller, string>;
    for (const [caller, identity] of Object.entries(CALLERS) as Array<[Caller, Identity]>) {
      const answer = await run(identity, query, variables);
      const codes = [...new Set(answer.errors?.map((e) => e.extensions?.code))];
      got[caller] = codes.length === 0 ? 'answers' : codes.join(' + ');
    }
    return got;
  };

  it('bill: bills:read, or self', async () => {
    const query = `query ($userId: ID!, $period: String!) {
      bill(userId: $userId, period: $period) { userId total user { id } lines { plan { id } days } } }`;
    expect(await outcomes(query, { userId: OWNER, period: PERIOD })).toEqual(BILLS_READ_OR_OWN);
    expect(
      (await run(CALLERS['subscriber, own'], query, { userId: OWNER, period: PERIOD })).data,
    ).toEqual({
      bill: {
        userId: OWNER,
        total: 30000,
        user: { id: OWNER },
        lines: [{ plan: { id: BASIC.id }, days: 30 }],
      },
    });
  });

  it('invoices: bills:read', async () => {
    const query = `query ($period: String!) { invoices(period: $period) { edges { node { number userId total } } } }`;
    expect(await outcomes(query, { period: '2026-10' })).toEqual({
      ...BILLS_READ_OR_OWN,
      'subscriber, own': 'FORBIDDEN',
    });
    expect((await run(CALLERS.agent, query, { period: '2026-10' })).data).toEqual({
      invoices: { edges: [{ node: { number: 'INV-202610-000001', userId: OWNER, total: 30000 } }] },
    });
  });

  it('invoice: bills:read, or self', async () => {
    const query = `query ($number: String!) { invoice(number: $number) { number total bill { status } } }`;
    expect(await outcomes(query, { number: 'INV-202610-000001' })).toEqual(BILLS_READ_OR_OWN);
  });

  it('closePeriod: bills:close (admin only)', async () => {
    const query = `mutation ($period: String!) { closePeriod(period: $period) { period invoices alreadyClosed } }`;
    expect(await outcomes(query, { period: '2026-10' })).toEqual({
      anonymous: 'UNAUTHENTICATED',
      admin: 'answers',
      agent: 'FORBIDDEN',
      mediation: 'FORBIDDEN',
      'subscriber, own': 'FORBIDDEN',
      'subscriber, other': 'FORBIDDEN',
    });
    expect((await run(CALLERS.admin, query, { period: '2026-10' })).data).toEqual({
      closePeriod: { period: '2026-10', invoices: 1, alreadyClosed: true },
    });
  });

  it('User.bill (through _entities): bills:read, or self', async () => {
    const query = `query ($representations: [_Any!]!, $period: String!) {
      _entities(representations: $representations) { ... on User { bill(period: $period) { total } } } }`;
    const representations = [{ __typename: 'User', id: OWNER }];
    expect(await outcomes(query, { representations, period: PERIOD })).toEqual(BILLS_READ_OR_OWN);
  });

  it("User's key and _service answer anyone the gateway signed for", async () => {
    const query = `query ($representations: [_Any!]!) {
      _service { sdl } _entities(representations: $representations) { ... on User { id } } }`;
    const representations = [{ __typename: 'User', id: OWNER }];
    expect(Object.values(await outcomes(query, { representations }))).toEqual(
      Object.values(CALLERS).map(() => 'answers'),
    );
  });

  it("nulls only somebody else's bill: the rest of the answer stays intact", async () => {
    const answer = await run(
      CALLERS['subscriber, own'],
      `{ mine: bill(userId: "${OWNER}", period: "${PERIOD}") { total }
         theirs: bill(userId: "${OTHER}", period: "${PERIOD}") { total } }`,
    );
    // bill is non-null, so the refusal nulls the whole data by GraphQL's rules ...
    expect(answer.data).toBeNull();
    expect(answer.errors).toEqual([
      expect.objectContaining({ path: ['theirs'], extensions: { code: 'FORBIDDEN' } }),
    ]);
    // ... while under a nullable parent only the refused bill goes.
    const entities = await run(
      CALLERS['subscriber, own'],
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on User { id bill(period: "${PERIOD}") { total } } } }`,
      { representations: [OWNER, OTHER].map((id) => ({ __typename: 'User', id })) },
    );
    expect(entities.data).toEqual({ _entities: [{ id: OWNER, bill: { total: 30000 } }, null] });
  });
});
