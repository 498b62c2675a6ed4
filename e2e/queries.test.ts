import { BASIC_30, PREMIUM_60, billingApi, nextPhone } from './support/billing-api';
import { createTestStack, gql, type RunningService } from './support/test-stack';

interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe('reading users, plans and usage through the gateway', () => {
  const stack = createTestStack();
  let gateway: RunningService;
  let api: ReturnType<typeof billingApi>;
  let userId: string;
  const phone = nextPhone();

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
    api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    await api.createPlan(PREMIUM_60);
    userId = await api.signUp('Reader', phone);
    await api.subscribe(userId, 'PREMIUM-60', '2026-11-10T00:00:00+09:00');
    await api.subscribe(userId, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    const items = Array.from({ length: 7 }, (_, i) => ({
      id: `${stack.tag}-q${i}`,
      userId,
      type: i % 2 === 0 ? ('DATA' as const) : ('SMS' as const),
      amount: i + 1,
      occurredAt: `2026-11-0${i + 1}T12:00:00+09:00`,
    }));
    // Seoul is UTC+9: the first is Oct 31 23:59:59 there, the second Nov 1 00:00:00.
    await api.recordUsages([
      ...items,
      { ...items[0]!, id: `${stack.tag}-oct`, occurredAt: '2026-10-31T14:59:59Z' },
      { ...items[0]!, id: `${stack.tag}-nov`, occurredAt: '2026-10-31T15:00:00Z' },
    ]);
  });
  afterAll(() => stack.stopAll());

  it('finds a user by phone in any accepted form, with the plan in force now and history oldest first', async () => {
    const e164 = `+82${phone.replace(/-/g, '').slice(1)}`;
    const res = await gql<{
      userByPhone: {
        id: string;
        phone: string;
        plan: { id: string };
        subscriptions: Array<{ plan: { id: string }; effectiveAt: string }>;
      };
    }>(
      gateway.url,
      'query($p: String!) { userByPhone(phone: $p) { id phone plan { id } subscriptions { plan { id } effectiveAt } } }',
      { p: e164 },
    );
    expect(res.data?.userByPhone).toEqual({
      id: userId,
      phone: e164,
      plan: { id: 'PREMIUM-60' },
      subscriptions: [
        { plan: { id: 'BASIC-30' }, effectiveAt: '2026-09-30T15:00:00.000Z' },
        { plan: { id: 'PREMIUM-60' }, effectiveAt: '2026-11-09T15:00:00.000Z' },
      ],
    });
  });

  it('pages users by cursor without gaps or repeats', async () => {
    for (let i = 0; i < 4; i++) await api.signUp(`Pager ${i}`, nextPhone());
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res: { data?: { users: Page<{ id: string }> } } = await gql(
        gateway.url,
        'query($a: String) { users(first: 2, after: $a) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }',
        { a: after },
      );
      const page = res.data!.users;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
    expect(seen[0]).toBe(userId);
  });

  it('pages a month of usage newest first, filters by type, and sums it in the billing time zone', async () => {
    const all: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const res: { data?: { user: { usages: Page<{ id: string; occurredAt: string }> } } } =
        await gql(
          gateway.url,
          'query($u: ID!, $a: String) { user(id: $u) { usages(period: "2026-11", first: 3, after: $a) { edges { node { id occurredAt } } pageInfo { hasNextPage endCursor } } } }',
          { u: userId, a: after },
        );
      const page = res.data!.user.usages;
      all.push(...page.edges.map((e) => e.node.occurredAt));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // 7 records plus the one at Nov 1 00:00:00 in Seoul; not the one a second earlier.
    expect(all).toHaveLength(8);
    expect([...all].sort().reverse()).toEqual(all);

    const sms = await gql<{ user: { usages: Page<{ type: string }> } }>(
      gateway.url,
      `{ user(id: "${userId}") { usages(period: "2026-11", type: SMS) { edges { node { type } } } } }`,
    );
    expect(sms.data!.user.usages.edges.map((e) => e.node.type)).toEqual(['SMS', 'SMS', 'SMS']);

    const summary = await gql<{ user: { usageSummary: object } }>(
      gateway.url,
      `{ user(id: "${userId}") { usageSummary(period: "2026-11") { period dataMb voiceSeconds smsCount records } } }`,
    );
    expect(summary.data!.user.usageSummary).toEqual({
      period: '2026-11',
      dataMb: 1 + 3 + 5 + 7 + 1,
      voiceSeconds: 0,
      smsCount: 2 + 4 + 6,
      records: 8,
    });
  });

  it('serves a usage record by id with its user', async () => {
    const res = await gql<{ usageRecord: object }>(
      gateway.url,
      `{ usageRecord(id: "${stack.tag}-q0") { id type amount user { id name } } }`,
    );
    expect(res.data?.usageRecord).toEqual({
      id: `${stack.tag}-q0`,
      type: 'DATA',
      amount: 1,
      user: { id: userId, name: 'Reader' },
    });
  });
});
