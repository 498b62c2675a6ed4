import { periodOf } from '@tally/billing-time';
import { mongoUrlFor } from '@tally/testkit';
import { waitUntil } from '@tally/retry';
import { createConnection, type Connection } from 'mongoose';
import { BASIC_30, billingApi, nextPhone, type UsageItem } from './support/billing-api';
import { createTestStack, gql, type RunningService } from './support/test-stack';

const OCT = '2026-10';
const SEOUL = 'Asia/Seoul';

interface Adjusted {
  status: string;
  total: number;
  adjustmentTotal: number;
  invoice: { number: string; total: number } | null;
  adjustments: Array<{ forPeriod: string; amount: number; usage: { dataMb: number } }>;
}

const CLOSE = `mutation ($p: String!) { closePeriod(period: $p) { period invoices alreadyClosed } }`;
const BILL = `query ($u: ID!, $p: String!) { user(id: $u) { bill(period: $p) {
  status total adjustmentTotal invoice { number total } adjustments { forPeriod amount usage { dataMb } } } } }`;
const INVOICES = `query ($p: String!, $after: String) { invoices(period: $p, first: 200, after: $after) {
  edges { node { number userId total } } pageInfo { hasNextPage endCursor } } }`;

interface InvoicePage {
  invoices: {
    edges: Array<{ node: { number: string; userId: string; total: number } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

/** Every invoice of a period, by number, through the gateway. */
async function allInvoices(url: string, period: string) {
  const out: Array<{ number: string; userId: string; total: number }> = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: InvoicePage } = await gql<InvoicePage>(url, INVOICES, {
      p: period,
      after,
    });
    out.push(...res.data!.invoices.edges.map((e) => e.node));
    if (!res.data!.invoices.pageInfo.hasNextPage) return out;
    after = res.data!.invoices.pageInfo.endCursor;
  }
}

describe('closing periods through the gateway (billing-rules.md, "Closing a period")', () => {
  const stack = createTestStack({
    // Short leases so a killed close is taken over quickly; one bill per round so a close is
    // long enough to be caught in the middle.
    env: { CLOSING_LEASE_SECONDS: '5', CLOSING_CHUNK_SIZE: '1', CLOSING_CATCH_UP_SECONDS: '30' },
  });
  let gateway: RunningService;
  let api: ReturnType<typeof billingApi>;
  let settlementDb: Connection;
  let seq = 0;
  const data = (userId: string, amount: number, occurredAt: string): UsageItem => ({
    id: `${stack.tag}-u${++seq}`,
    userId,
    type: 'DATA',
    amount,
    occurredAt,
  });
  const bill = async (userId: string, period: string) =>
    (await gql<{ user: { bill: Adjusted } }>(gateway.url, BILL, { u: userId, p: period })).data!
      .user.bill;

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
    api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    settlementDb = await createConnection(mongoUrlFor(`e2e_${stack.tag}_settlement`)).asPromise();
  }, 180_000);
  afterAll(async () => {
    await settlementDb?.close();
    await stack.stopAll();
  });

  it('worked example 5: the October invoice stays 30000; late usage adds +2000 to the bill of the month it was recorded in', async () => {
    const user = await api.signUp('Example Five', nextPhone());
    await api.subscribe(user, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    await api.recordUsages([data(user, 1000, '2026-10-15T12:00:00+09:00')]);
    await api.waitForBill(user, OCT, (b) => b.eventsApplied === 2);

    const closed = await gql<{ closePeriod: { invoices: number; alreadyClosed: boolean } }>(
      gateway.url,
      CLOSE,
      { p: OCT },
    );
    expect(closed.data?.closePeriod).toMatchObject({ alreadyClosed: false });
    const invoiced = await bill(user, OCT);
    expect(invoiced).toMatchObject({ status: 'CLOSED', total: 30000, adjustments: [] });
    expect(invoiced.invoice?.number).toMatch(/^INV-202610-\d{6}$/);

    // Recorded now, for October: late. Its adjustment lands on the bill of the month holding
    // its recordedAt (billing-rules.md's example records it on 2026-11-10; here it is today).
    await api.recordUsages([data(user, 100, '2026-10-20T12:00:00+09:00')]);
    const recordedIn = periodOf(new Date(), SEOUL);
    const later = await waitUntil(
      async () => {
        const b = await bill(user, recordedIn);
        return b.adjustments.length > 0 && b;
      },
      { deadlineMs: 30_000, intervalMs: 200 },
    );
    expect(later.adjustments).toEqual([{ forPeriod: OCT, amount: 2000, usage: { dataMb: 100 } }]);
    expect(later.adjustmentTotal).toBe(2000);
    expect(await bill(user, OCT)).toEqual(invoiced);
    const listed = await allInvoices(gateway.url, OCT);
    expect(listed.find((i) => i.userId === user)).toEqual({
      number: invoiced.invoice!.number,
      userId: user,
      total: 30000,
    });
    // Closing again changes nothing.
    const again = await gql<{ closePeriod: unknown }>(gateway.url, CLOSE, { p: OCT });
    expect(again.data?.closePeriod).toEqual({
      period: OCT,
      invoices: closed.data!.closePeriod.invoices,
      alreadyClosed: true,
    });
  });

  it('subscribePlan into a closed period: CONFLICT naming it', async () => {
    const user = await api.signUp('Too Late', nextPhone());
    const answer = await waitUntil(
      async () => {
        const res = await gql(
          gateway.url,
          'mutation($i: SubscribePlanInput!) { subscribePlan(input: $i) { id } }',
          { i: { userId: user, planId: 'BASIC-30', effectiveAt: '2026-10-15T00:00:00+09:00' } },
        );
        return res.errors?.[0]?.extensions?.code === 'CONFLICT' && res.errors[0];
      },
      { deadlineMs: 30_000, intervalMs: 250 },
    );
    expect(answer.message).toContain(OCT);
  });

  it('a settlement SIGKILLed in the middle of a close resumes with the same numbers and totals', async () => {
    const NOV = '2026-11';
    const users: string[] = [];
    for (let i = 0; i < 60; i++) users.push(await api.signUp(`Closer ${i}`, nextPhone()));
    for (const [i, u] of users.entries())
      await api.subscribe(
        u,
        'BASIC-30',
        `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00+09:00`,
      );
    await api.recordUsages(users.map((u, i) => data(u, 900 + 10 * i, '2026-11-20T10:00:00+09:00')));
    const before = new Map<string, number>();
    for (const u of users)
      before.set(u, (await api.waitForBill(u, NOV, (b) => b.eventsApplied === 2)).total);

    const periods = settlementDb.collection<{
      _id: string;
      state: string;
      progress?: { frozen: number };
    }>('periods');
    const closing = gql(gateway.url, CLOSE, { p: NOV }).catch(() => undefined); // dies with settlement
    await waitUntil(
      async () => {
        const doc = await periods.findOne({ _id: NOV });
        if (doc?.state === 'closed') throw new Error('the close ended before it could be killed');
        return (doc?.progress?.frozen ?? 0) >= 5;
      },
      {
        deadlineMs: 60_000,
        intervalMs: 20,
        retryIf: (e: unknown) => !(e instanceof Error && e.message.startsWith('the close ended')),
      },
    );
    await stack.kill('settlement');
    await closing;
    expect(await periods.findOne({ _id: NOV })).toMatchObject({ state: 'closing' });

    await stack.start('settlement');
    const resumed = await waitUntil(
      async () => {
        const res = await gql<{ closePeriod: { invoices: number } }>(gateway.url, CLOSE, {
          p: NOV,
        });
        return res.data?.closePeriod;
      },
      { deadlineMs: 60_000, intervalMs: 500 },
    );
    const invoices = await allInvoices(gateway.url, NOV);
    expect(invoices.length).toBe(resumed.invoices);
    // Numbers from 000001 without gaps, in order of user id; each total what the bill showed.
    expect(invoices.map((i) => i.number)).toEqual(
      invoices.map((_, n) => `INV-202611-${String(n + 1).padStart(6, '0')}`),
    );
    const ids = invoices.map((i) => i.userId);
    expect(ids).toEqual([...ids].sort());
    for (const u of users) expect(invoices.find((i) => i.userId === u)?.total).toBe(before.get(u));
  });
});
