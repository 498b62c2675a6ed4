import { signInternalToken } from '@tally/auth';
import { BASIC_30, billingApi, nextPhone } from './support/billing-api';
import { createTestStack, gql, type RunningService } from './support/test-stack';

/**
 * security.md's operations table, row by row, through the gateway, for each role and for no
 * token: the data, or UNAUTHENTICATED / FORBIDDEN on that field with the rest intact.
 */
type Caller = 'anonymous' | 'admin' | 'agent' | 'mediation' | 'owner' | 'otherSubscriber';
type Outcome = 'data' | 'UNAUTHENTICATED' | 'FORBIDDEN';

const CALLERS: Caller[] = ['anonymous', 'admin', 'agent', 'mediation', 'owner', 'otherSubscriber'];
const PERIOD = '2026-11';

/** Who gets data; everyone else with a token gets FORBIDDEN, without one UNAUTHENTICATED. */
const ALLOWED = {
  public: CALLERS,
  'plans:write': ['admin'],
  'users:write': ['admin', 'agent'],
  'users:read or self': ['admin', 'agent', 'owner'],
  'users:read': ['admin', 'agent'],
  'usage:write': ['admin', 'mediation'],
  'usage:read or self': ['admin', 'agent', 'owner'],
  'bills:read or self': ['admin', 'agent', 'owner'],
  'bills:read': ['admin', 'agent'],
  'bills:close': ['admin'],
} satisfies Record<string, Caller[]>;

const outcome = (caller: Caller, allowed: readonly Caller[]): Outcome =>
  allowed.includes(caller) ? 'data' : caller === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';

describe('who may do what, through the gateway (security.md)', () => {
  const stack = createTestStack();
  let gateway: RunningService;
  let owner: string;
  let other: string;
  let ownerPhone: string;
  const tokens = {} as Record<Caller, string | null>;
  let n = 0;
  const unique = () => `${stack.tag}-${++n}`;

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
    const api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    ownerPhone = nextPhone();
    owner = await api.signUp('Owner', ownerPhone);
    other = await api.signUp('Other', nextPhone());
    // October closed with the owner's plan in it: their invoice INV-202610-000001.
    await api.subscribe(owner, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    await api.subscribe(owner, 'BASIC-30', '2026-11-01T00:00:00+09:00');
    await billingApi(gateway.url).waitForBill(owner, '2026-10', (b) => b.total > 0);
    const closed = await gql(
      gateway.url,
      'mutation { closePeriod(period: "2026-10") { invoices } }',
    );
    expect(closed.data).toEqual({ closePeriod: { invoices: 1 } });
    await api.recordUsages([
      {
        id: `${stack.tag}-owned`,
        userId: owner,
        type: 'SMS',
        amount: 1,
        occurredAt: '2026-11-02T10:00:00+09:00',
      },
    ]);
    tokens.anonymous = null;
    tokens.admin = await stack.token('admin');
    tokens.agent = await stack.token('agent');
    tokens.mediation = await stack.token('mediation');
    tokens.owner = await stack.token('subscriber', owner);
    tokens.otherSubscriber = await stack.token('subscriber', other);
  });
  afterAll(() => stack.stopAll());

  interface Row {
    operation: string;
    needs: keyof typeof ALLOWED;
    /** The root field the outcome is read from. */
    field: string;
    query: () => string;
    variables?: () => Record<string, unknown>;
  }

  const usageInput = () => ({
    id: unique(),
    userId: owner,
    type: 'DATA',
    amount: 1,
    occurredAt: '2026-11-03T10:00:00+09:00',
  });

  const ROWS: Row[] = [
    { operation: 'plans', needs: 'public', field: 'plans', query: () => '{ plans { id name } }' },
    {
      operation: 'plan',
      needs: 'public',
      field: 'plan',
      query: () => '{ plan(id: "BASIC-30") { id monthlyFee } }',
    },
    {
      operation: '__typename',
      needs: 'public',
      field: '__typename',
      query: () => '{ __typename }',
    },
    {
      operation: 'createPlan',
      needs: 'plans:write',
      field: 'createPlan',
      query: () => 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }',
      variables: () => ({ i: { ...BASIC_30, id: `P-${unique()}`.toUpperCase() } }),
    },
    {
      operation: 'signUp',
      needs: 'users:write',
      field: 'signUp',
      query: () => 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }',
      variables: () => ({ i: { name: 'New', phone: nextPhone() } }),
    },
    {
      operation: 'subscribePlan',
      needs: 'users:write',
      field: 'subscribePlan',
      query: () => 'mutation($i: SubscribePlanInput!) { subscribePlan(input: $i) { plan { id } } }',
      variables: () => ({
        i: { userId: owner, planId: 'BASIC-30', effectiveAt: '2026-11-01T00:00:00+09:00' },
      }),
    },
    {
      operation: 'user',
      needs: 'users:read or self',
      field: 'user',
      query: () => 'query($u: ID!) { user(id: $u) { id name phone } }',
      variables: () => ({ u: owner }),
    },
    {
      operation: 'userByPhone',
      needs: 'users:read or self',
      field: 'userByPhone',
      query: () => 'query($p: String!) { userByPhone(phone: $p) { id name } }',
      variables: () => ({ p: ownerPhone }),
    },
    {
      operation: 'users',
      needs: 'users:read',
      field: 'users',
      query: () => '{ users(first: 5) { edges { node { id } } } }',
    },
    {
      operation: 'User.subscriptions',
      needs: 'users:read or self',
      field: 'user',
      query: () => 'query($u: ID!) { user(id: $u) { subscriptions { plan { id } } } }',
      variables: () => ({ u: owner }),
    },
    {
      operation: 'recordUsage',
      needs: 'usage:write',
      field: 'recordUsage',
      query: () => 'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id amount } }',
      variables: () => ({ i: usageInput() }),
    },
    {
      operation: 'recordUsages',
      needs: 'usage:write',
      field: 'recordUsages',
      query: () => 'mutation($i: [RecordUsageInput!]!) { recordUsages(input: $i) { accepted } }',
      variables: () => ({ i: [usageInput()] }),
    },
    {
      operation: 'usageRecord',
      needs: 'usage:read or self',
      field: 'usageRecord',
      query: () => 'query($id: ID!) { usageRecord(id: $id) { id amount } }',
      variables: () => ({ id: `${stack.tag}-owned` }),
    },
    {
      operation: 'User.usages',
      needs: 'usage:read or self',
      field: 'user',
      query: () =>
        'query($u: ID!, $p: String!) { user(id: $u) { id usages(period: $p) { edges { node { id } } } } }',
      variables: () => ({ u: owner, p: PERIOD }),
    },
    {
      operation: 'User.usageSummary',
      needs: 'usage:read or self',
      field: 'user',
      query: () =>
        'query($u: ID!, $p: String!) { user(id: $u) { id usageSummary(period: $p) { smsCount } } }',
      variables: () => ({ u: owner, p: PERIOD }),
    },
    {
      operation: 'bill',
      needs: 'bills:read or self',
      field: 'bill',
      query: () => 'query($u: ID!, $p: String!) { bill(userId: $u, period: $p) { period total } }',
      variables: () => ({ u: owner, p: PERIOD }),
    },
    {
      operation: 'User.bill',
      needs: 'bills:read or self',
      field: 'user',
      query: () => 'query($u: ID!, $p: String!) { user(id: $u) { id bill(period: $p) { total } } }',
      variables: () => ({ u: owner, p: PERIOD }),
    },
    {
      operation: 'invoices',
      needs: 'bills:read',
      field: 'invoices',
      query: () => '{ invoices(period: "2026-10") { edges { node { number total } } } }',
    },
    {
      operation: 'invoice',
      needs: 'bills:read or self',
      field: 'invoice',
      query: () => '{ invoice(number: "INV-202610-000001") { number userId total } }',
    },
    {
      operation: 'closePeriod',
      needs: 'bills:close',
      field: 'closePeriod',
      query: () => 'mutation { closePeriod(period: "2026-10") { alreadyClosed } }',
    },
  ];

  const cases = ROWS.flatMap((row) =>
    CALLERS.map(
      (caller) => [row.operation, caller, outcome(caller, ALLOWED[row.needs]), row] as const,
    ),
  );

  it.each(cases)('%s as %s: %s', async (_op, caller, expected, row) => {
    const res = await gql(gateway.url, row.query(), row.variables?.() ?? {}, tokens[caller]);
    const codes = (res.errors ?? []).map((e) => e.extensions?.code);
    if (expected === 'data') {
      expect(res.errors).toBeUndefined();
      expect(res.data?.[row.field]).toBeTruthy();
    } else {
      expect(codes.length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set([expected]));
    }
  });

  it('refuses one field and answers the rest of the request', async () => {
    const res = await gql<{ plans: unknown[]; me: unknown; them: unknown }>(
      gateway.url,
      'query($u: ID!, $o: ID!, $p: String!) { plans { id } me: user(id: $u) { id name bill(period: $p) { period } } them: user(id: $o) { id name } }',
      { u: owner, o: other, p: PERIOD },
      tokens.owner,
    );
    expect(res.data?.plans).toContainEqual({ id: 'BASIC-30' });
    expect(res.data?.me).toEqual({ id: owner, name: 'Owner', bill: { period: PERIOD } });
    expect(res.data?.them).toBeNull();
    expect(res.errors?.map((e) => [e.extensions?.code, (e as { path?: unknown }).path])).toEqual([
      ['FORBIDDEN', ['them']],
    ]);
  });

  it('lets a usage writer record, but not read whose record it is', async () => {
    const input = usageInput();
    const res = await gql(
      gateway.url,
      'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id user { name } } }',
      { i: input },
      tokens.mediation,
    );
    // User.name is non-null all the way up, so GraphQL nulls the whole answer; the write stands.
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const stored = await gql<{ usageRecord: { id: string } | null }>(
      gateway.url,
      'query($id: ID!) { usageRecord(id: $id) { id } }',
      { id: input.id },
      tokens.admin,
    );
    expect(stored.data?.usageRecord).toEqual({ id: input.id });
  });

  it('treats a bad token as no token: the catalogue answers, the rest is UNAUTHENTICATED', async () => {
    const forged = `${tokens.admin!.slice(0, -4)}AAAA`;
    const res = await gql<{ plans: unknown[]; user: unknown }>(
      gateway.url,
      'query($u: ID!) { plans { id } user(id: $u) { id } }',
      { u: owner },
      forged,
    );
    expect(res.data?.plans).toContainEqual({ id: 'BASIC-30' });
    expect(res.data?.user).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  describe('the subgraphs answer only calls the gateway signed for them', () => {
    const SUBGRAPHS = ['user', 'usage', 'settlement'] as const;
    const post = (url: string, query: string, authorization?: string) =>
      fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
        body: JSON.stringify({ query }),
      });
    const ENTITIES = `{ _entities(representations: [{ __typename: "User", id: "x" }]) { __typename } }`;

    it.each(SUBGRAPHS)('%s: unsigned signUp, _service and _entities get 401', async (name) => {
      const url = stack.instances(name)[0]!.url;
      for (const query of ['{ _service { sdl } }', ENTITIES, 'mutation { __typename }']) {
        const res = await post(url, query);
        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({
          errors: [{ extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
      expect((await post(url, '{ _service { sdl } }', `Bearer ${tokens.admin}`)).status).toBe(401);
    });

    it('a call signed for one subgraph is refused by another (wrong audience)', async () => {
      // The development secret of the user subgraph (subgraphs/user/config/default.yml).
      const signedForUser = await signInternalToken({
        secret: 'tally-dev-internal-user-secret-0000000000',
        caller: 'gateway',
        audience: 'user',
        identity: { authenticated: true, scopes: new Set(['users:read']) },
      });
      const user = stack.instances('user')[0]!.url;
      const usage = stack.instances('usage')[0]!.url;
      expect((await post(user, '{ _service { sdl } }', `Bearer ${signedForUser}`)).status).toBe(
        200,
      );
      expect((await post(usage, '{ _service { sdl } }', `Bearer ${signedForUser}`)).status).toBe(
        401,
      );
    });
  });
});
