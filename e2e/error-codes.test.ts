import { BASIC_30, billingApi, nextPhone } from './support/billing-api';
import { createTestStack, gql, type RunningService } from './support/test-stack';
import { topicMessages } from './support/topic-messages';
import { eventually } from '@tally/testkit';

const codes = (res: { errors?: Array<{ extensions?: { code?: string } }> }) =>
  res.errors?.map((e) => e.extensions?.code);

describe('the contract’s error codes, through the gateway', () => {
  const stack = createTestStack();
  let gateway: RunningService;
  let api: ReturnType<typeof billingApi>;
  let userId: string;

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
    api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    userId = await api.signUp('Errors', '010-7777-0001');
  });
  afterAll(() => stack.stopAll());

  const signUp = (phone: string) =>
    gql(gateway.url, 'mutation($i: SignUpInput!) { signUp(input: $i) { id phone } }', {
      i: { name: 'X', phone },
    });
  const recordUsage = (input: Record<string, unknown>) =>
    gql<{ recordUsage: { id: string; amount: number; recordedAt: string } }>(
      gateway.url,
      'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id amount recordedAt } }',
      { i: input },
    );

  it('BAD_USER_INPUT: a phone we do not accept, a bad period, a zero amount, a time in the future', async () => {
    expect(codes(await signUp('12345'))).toEqual(['BAD_USER_INPUT']);
    expect(
      codes(
        await gql(gateway.url, `{ user(id: "${userId}") { bill(period: "2026-13") { total } } }`),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    const base = {
      id: `${stack.tag}-bad`,
      userId,
      type: 'DATA',
      occurredAt: '2026-11-01T00:00:00+09:00',
    };
    expect(codes(await recordUsage({ ...base, amount: 0 }))).toEqual(['BAD_USER_INPUT']);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(codes(await recordUsage({ ...base, amount: 1, occurredAt: future }))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const batch = await gql(gateway.url, 'mutation { recordUsages(input: []) { accepted } }');
    expect(codes(batch)).toEqual(['BAD_USER_INPUT']);
  });

  it('BAD_USER_INPUT before anything runs: depth, aliases, cost, page size, calendar, ceilings', async () => {
    const refused = async (query: string, variables: Record<string, unknown>, says: RegExp) => {
      const res = await gql(gateway.url, query, variables);
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(says),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    };
    const nest = (levels: number) =>
      `{ user(id: "${userId}") { ${'subscriptions { user { '.repeat(levels)} id ${'} } '.repeat(levels)} } }`;
    await refused(nest(5), {}, /depth is over the limit of 10/);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: id`).join(' ');
    await refused(
      `{ user(id: "${userId}") { ${aliases} } }`,
      {},
      /31 aliases, over the limit of 30/,
    );
    await refused(nest(2), {}, /cost [\d,]+ is over the limit of 5,000/);
    // Refused before execution: no data at all, not even nulls.
    expect((await gql(gateway.url, nest(2))).data).toBeUndefined();
    await refused(
      `{ user(id: "${userId}") { usages(period: "2026-11", first: 201) { edges { cursor } } } }`,
      {},
      /between 1 and 200/,
    );
    const usage = { id: `${stack.tag}-limits`, userId, type: 'DATA', amount: 1 };
    await refused(
      'mutation($i: RecordUsageInput!) { recordUsage(input: $i) { id } }',
      { i: { ...usage, occurredAt: '2026-02-30T10:00:00+09:00' } },
      /real calendar instant/,
    );
    expect(
      codes(
        await recordUsage({
          ...usage,
          amount: 2_147_483_647,
          occurredAt: '2026-11-01T00:00:00+09:00',
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  it('OVERFLOW: a bill beyond a GraphQL Int names its field; the rest of the answer stays', async () => {
    const owner = await api.signUp('Overflow', nextPhone());
    await api.subscribe(owner, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    // 108 records at the DATA ceiling: 107,999,000 MB over the allowance × 20 > 2^31 - 1.
    const items = Array.from({ length: 108 }, (_, i) => ({
      id: `${stack.tag}-big-${i}`,
      userId: owner,
      type: 'DATA' as const,
      amount: 1_000_000,
      occurredAt: '2026-11-07T10:00:00+09:00',
    }));
    await api.recordUsages(items);
    const query = `{
      me: user(id: "${owner}") { id name }
      billed: user(id: "${owner}") { bill(period: "2026-11") { total overageCharge usage { dataMb } } }
    }`;
    const res = await eventually('the bill to hold all 108 records', async () => {
      const r = await gql<{ me: { id: string; name: string }; billed: unknown }>(
        gateway.url,
        query,
      );
      // BASIC-30: 30,000 + (108,000,000 - 1,000) MB × 20 = 2,160,010,000.
      const settled = r.errors?.some((e) => e.message.includes('Bill.total is 2,160,010,000'));
      return settled ? r : undefined;
    });
    // The bill is non-null, so its error nulls the user holding it; the other field stays.
    expect(res.data).toEqual({ me: { id: owner, name: 'Overflow' }, billed: null });
    expect(res.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: expect.stringMatching(
            /^Bill.total is 2,160,010,000, beyond what a GraphQL Int holds/,
          ),
          extensions: expect.objectContaining({ code: 'OVERFLOW' }),
        }),
      ]),
    );
    expect(res.errors?.every((e) => e.extensions?.code === 'OVERFLOW')).toBe(true);
  });

  it('a malformed body gets a JSON error without stack, path or library name', async () => {
    for (const body of ['{"query": ', JSON.stringify({ query: `{ ${'x'.repeat(1_100_000)} }` })]) {
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect([400, 413]).toContain(res.status);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        errors: [expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })],
      });
      expect(text).not.toMatch(/ at |node_modules|\/work\/|body-parser|express|SyntaxError/i);
    }
  });

  it('NOT_FOUND: subscribing an unknown user or plan, usage of an unknown user', async () => {
    const subscribe = (u: string, p: string) =>
      gql(gateway.url, 'mutation($i: SubscribePlanInput!) { subscribePlan(input: $i) { id } }', {
        i: { userId: u, planId: p },
      });
    expect(codes(await subscribe('no-such-user', 'BASIC-30'))).toEqual(['NOT_FOUND']);
    expect(codes(await subscribe(userId, 'NO-SUCH-PLAN'))).toEqual(['NOT_FOUND']);
    const ghost = {
      id: `${stack.tag}-ghost2`,
      userId: 'no-such-user',
      type: 'SMS',
      amount: 1,
      occurredAt: '2026-11-02T00:00:00Z',
    };
    const batch = await api.recordUsages([ghost, ghost] as never);
    expect(batch).toMatchObject({
      accepted: 0,
      duplicates: 0,
      rejected: [
        { index: 0, code: 'NOT_FOUND' },
        { index: 1, code: 'NOT_FOUND' },
      ],
    });
    const res = await recordUsage({
      id: `${stack.tag}-ghost`,
      userId: 'no-such-user',
      type: 'SMS',
      amount: 1,
      occurredAt: '2026-11-02T00:00:00Z',
    });
    expect(codes(res)).toEqual(['NOT_FOUND']);
  });

  it('a user is known to usage right after signUp returned', async () => {
    const fresh = await api.signUp('Fresh', nextPhone());
    const res = await recordUsage({
      id: `${stack.tag}-fresh`,
      userId: fresh,
      type: 'SMS',
      amount: 1,
      occurredAt: '2026-11-02T00:00:00Z',
    });
    expect(res.errors).toBeUndefined();
  });

  it('CONFLICT: a duplicate phone (in any accepted form), a duplicate plan id, a reused usage id with other content', async () => {
    expect(codes(await signUp('+82 10 7777 0001'))).toEqual(['CONFLICT']);
    expect(
      codes(
        await gql(gateway.url, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', {
          i: BASIC_30,
        }),
      ),
    ).toEqual(['CONFLICT']);
    const item = {
      id: `${stack.tag}-dup`,
      userId,
      type: 'VOICE',
      amount: 60,
      occurredAt: '2026-11-03T10:00:00+09:00',
    };
    const first = await recordUsage(item);
    expect(first.errors).toBeUndefined();
    expect(codes(await recordUsage({ ...item, amount: 61 }))).toEqual(['CONFLICT']);
    const again = await recordUsage(item);
    expect(again.data).toEqual(first.data); // identical repeat: the first record, recordedAt included
    const batch = await api.recordUsages([item, { ...item, amount: 62 }] as never);
    expect(batch).toMatchObject({
      accepted: 0,
      duplicates: 1,
      rejected: [{ index: 1, code: 'CONFLICT' }],
    });
  });

  it('a repeated usage id is published once and billed once', async () => {
    const owner = await api.signUp('Repeat', nextPhone());
    const item = {
      id: `${stack.tag}-repeat`,
      userId: owner,
      type: 'VOICE',
      amount: 45,
      occurredAt: '2026-11-06T10:00:00+09:00',
    };
    await recordUsage(item);
    await recordUsage(item);
    await api.recordUsages([item, item] as never);
    const bill = await api.waitForBill(owner, '2026-11', (b) => b.usage.voiceSeconds > 0);
    expect(bill.usage.voiceSeconds).toBe(45);
    // Settlement ignores a repeated id, so the bill alone would not show a second event.
    const usageIds = (await topicMessages(`e2e-${stack.tag}.usage.events.v1`)).map(
      (value) => (JSON.parse(value) as { data: { usageId: string } }).data.usageId,
    );
    expect(usageIds.filter((id) => id === item.id)).toHaveLength(1);
  });

  it('UNAVAILABLE: a subgraph with no live instance; the other subgraphs’ fields intact', async () => {
    await stack.stop('settlement');
    // bill is non-null, so its parent nulls; the alias keeps the other subgraphs' fields apart.
    const res = await gql<{ me: { name: string; usageSummary: { smsCount: number } }; b: unknown }>(
      gateway.url,
      `{ me: user(id: "${userId}") { name usageSummary(period: "2026-11") { smsCount } } b: user(id: "${userId}") { bill(period: "2026-11") { total } } }`,
    );
    expect(res.data?.me).toEqual({ name: 'Errors', usageSummary: { smsCount: 0 } });
    expect(res.data?.b).toBeNull();
    expect(codes(res)).toEqual(['UNAVAILABLE']);
    expect(JSON.stringify(res.errors)).not.toMatch(/ECONNREFUSED|stacktrace|\bat /);
  });
  describe('each limit of security.md, just under and just over', () => {
    type Answer = Awaited<ReturnType<typeof gql>>;
    const passes = (res: Answer) =>
      expect(codes(res)?.filter((c) => c === 'BAD_USER_INPUT') ?? []).toEqual([]);
    const refused = (res: Answer, says: RegExp) =>
      expect(res.errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(says),
          extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
        }),
      ]);
    const usage = (
      n: string,
      type: string,
      amount: number,
      occurredAt = '2026-11-02T10:00:00+09:00',
    ) => ({
      id: `${stack.tag}-lim-${n}`,
      userId,
      type,
      amount,
      occurredAt,
    });

    it('request body: 1 MiB answers, one byte more is 413', async () => {
      const post = (size: number) => {
        const head = '{"query":"{ __typename }","variables":{"pad":"';
        const tail = '"}}';
        const body = head + 'x'.repeat(size - head.length - tail.length) + tail;
        return fetch(`${gateway.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
      };
      expect((await post(1024 * 1024)).status).toBe(200);
      const over = await post(1024 * 1024 + 1);
      expect(over.status).toBe(413);
      expect(codes((await over.json()) as Answer)).toEqual(['BAD_USER_INPUT']);
    });

    it('depth: 10 answers, 11 is refused', async () => {
      const chain = (inner: string) =>
        `{ usageRecord(id: "none") { user { usages(period: "2026-11", first: 1) { edges { node { user { usages(period: "2026-11", first: 1) { edges { node { ${inner} } } } } } } } } } }`;
      passes(await gql(gateway.url, chain('id')));
      refused(await gql(gateway.url, chain('user { id }')), /depth is over the limit of 10/);
    });

    it('aliases: 30 answer, 31 are refused', async () => {
      const aliased = (n: number) =>
        `{ plan(id: "BASIC-30") { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } }`;
      passes(await gql(gateway.url, aliased(30)));
      refused(await gql(gateway.url, aliased(31)), /31 aliases, over the limit of 30/);
    });

    it('cost: 5,000 answers, 5,102 is refused', async () => {
      // users 1 + edges 1 + first × (node 1 + subscriptions 1 + 100 × id 1) = 2 + 102 × first
      const costly = (first: number) =>
        `{ users(first: ${first}) { edges { node { subscriptions { id } } } } }`;
      passes(await gql(gateway.url, costly(49)));
      refused(await gql(gateway.url, costly(50)), /cost 5,102 is over the limit of 5,000/);
    });

    it('first: 1 and 200 answer, 0 and 201 are refused', async () => {
      const page = (first: number) => `{ users(first: ${first}) { edges { cursor } } }`;
      passes(await gql(gateway.url, page(1)));
      passes(await gql(gateway.url, page(200)));
      refused(await gql(gateway.url, page(0)), /between 1 and 200/);
      refused(await gql(gateway.url, page(201)), /between 1 and 200/);
    });

    it('recordUsages: 1,000 items answer, 0 and 1,001 are refused', async () => {
      const batch = (n: number) =>
        gql(
          gateway.url,
          'mutation($i: [RecordUsageInput!]!) { recordUsages(input: $i) { accepted } }',
          {
            i: Array.from({ length: n }, (_, k) => usage(`b${n}-${k}`, 'SMS', 1)),
          },
        );
      passes(await batch(1000));
      refused(await batch(0), /1\.\.1000|1 to 1,?000|between 1 and 1,?000/);
      refused(await batch(1001), /1\.\.1000|1 to 1,?000|between 1 and 1,?000/);
    });

    it.each([
      ['DATA', 1_000_000],
      ['VOICE', 86_400],
      ['SMS', 1_000],
    ])('one %s record: %i answers, one more is refused', async (type, max) => {
      passes(await recordUsage(usage(`${type}-max`, type, max)));
      expect(codes(await recordUsage(usage(`${type}-over`, type, max + 1)))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });

    it('names: 100 characters answer, 101 are refused; plan ids up to 40 of [A-Z0-9-]', async () => {
      const signUpNamed = (name: string) =>
        gql(gateway.url, 'mutation($i: SignUpInput!) { signUp(input: $i) { id } }', {
          i: { name, phone: nextPhone() },
        });
      passes(await signUpNamed('n'.repeat(100)));
      expect(codes(await signUpNamed('n'.repeat(101)))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await signUpNamed(''))).toEqual(['BAD_USER_INPUT']);
      const plan = (id: string, name = 'Limits') =>
        gql(gateway.url, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', {
          i: { ...BASIC_30, id, name },
        });
      const id40 = `L${stack.tag.toUpperCase()}`.padEnd(40, '9');
      passes(await plan(id40, 'p'.repeat(100)));
      expect(codes(await plan(`${id40}9`))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await plan(`-${id40.slice(1)}`))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await plan(`Q${stack.tag}`.padEnd(20, 'x'), 'p'.repeat(101)))).toEqual([
        'BAD_USER_INPUT',
      ]);
    });

    it('DateTime: a real calendar instant answers; 30 February and T24:00 are refused', async () => {
      passes(await recordUsage(usage('feb28', 'SMS', 1, '2026-02-28T23:59:59+09:00')));
      for (const when of [
        '2026-02-30T10:00:00+09:00',
        '2026-03-01T24:00:00+09:00',
        '2026-03-01T10:00:00',
      ])
        expect(codes(await recordUsage(usage(`bad-${when}`, 'SMS', 1, when)))).toEqual([
          'BAD_USER_INPUT',
        ]);
    });
  });
});
