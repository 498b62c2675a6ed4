import { graphql, type Endpoint } from '../scale/graphql';
import { same, WrongAnswer, type Read } from '../scale/reads';
import type { ExpectedTotals, UsageTotals } from '../scale/workload';

/** The operations measured: one subgraph's answer, and a join over all three. */
export const OPERATIONS = ['bill', 'join'] as const;
export type OperationName = (typeof OPERATIONS)[number];
/** Where they are sent: straight to the subgraphs, through Tally's gateway, through a stock one. */
export const MODES = ['direct', 'tally', 'stock'] as const;
export type Mode = (typeof MODES)[number];
export const SUBGRAPHS = ['user', 'usage', 'settlement'] as const;
export type Subgraph = (typeof SUBGRAPHS)[number];

const TOTALS = 'dataMb voiceSeconds smsCount';
/** Every field from settlement alone (a line's plan only by id), so no other subgraph is asked. */
const BILL_FIELDS = `period baseFee overageCharge total eventsApplied usage { ${TOTALS} }
  lines { plan { id } days baseFee overageCharge }`;
const JOIN_BILL_FIELDS = `period total usage { ${TOTALS} }`;
const SUMMARY_FIELDS = `${TOTALS} records`;
const USER_FIELDS = 'id name phone plan { id name monthlyFee }';

/** The single-subgraph read, the same text to the gateways and to settlement. */
export const BILL = `query BenchBill($userId: ID!, $period: String!) {
  bill(userId: $userId, period: $period) { ${BILL_FIELDS} }
}`;

/** Through a gateway: the user (user subgraph), then its usage summary and bill, in parallel. */
export const JOIN = `query BenchJoin($userId: ID!, $period: String!) {
  user(id: $userId) {
    ${USER_FIELDS}
    usageSummary(period: $period) { ${SUMMARY_FIELDS} }
    bill(period: $period) { ${JOIN_BILL_FIELDS} }
  }
}`;

/** The join's three calls straight to the subgraphs, as the gateway's query plan makes them. */
export const DIRECT_JOIN: Record<Subgraph, string> = {
  user: `query BenchJoinUser($userId: ID!) { user(id: $userId) { __typename ${USER_FIELDS} } }`,
  usage: `query BenchJoinUsage($representations: [_Any!]!, $period: String!) {
  _entities(representations: $representations) {
    ... on User { usageSummary(period: $period) { ${SUMMARY_FIELDS} } }
  }
}`,
  settlement: `query BenchJoinSettlement($representations: [_Any!]!, $period: String!) {
  _entities(representations: $representations) {
    ... on User { bill(period: $period) { ${JOIN_BILL_FIELDS} } }
  }
}`,
};

type Totals = Omit<UsageTotals, 'records'>;
interface Vars {
  userId: string;
  period: string;
}
interface JoinUser {
  id: string;
  plan: { id: string } | null;
  usageSummary: UsageTotals;
  bill: { usage: Totals };
}

export interface ReadContext {
  userIds: string[];
  period: string;
  expected: ExpectedTotals;
  planId: string;
}

function checkBill(ctx: ReadContext, u: number, bill: { usage: Totals } | undefined): void {
  if (!bill) throw new WrongAnswer(`no bill for user ${u}`);
  same(`bill of user ${u}`, bill.usage, ctx.expected.of(u));
}

function checkJoin(ctx: ReadContext, u: number, user: Partial<JoinUser> | null | undefined): void {
  if (!user) throw new WrongAnswer(`user ${ctx.userIds[u]} not found`);
  if (user.plan?.id !== ctx.planId)
    throw new WrongAnswer(`user ${u}: plan ${user.plan?.id}, expected ${ctx.planId}`);
  const want = ctx.expected.of(u);
  if (user.usageSummary?.records !== want.records)
    throw new WrongAnswer(`usage summary of user ${u}: ${user.usageSummary?.records} records`);
  same(`usage summary of user ${u}`, user.usageSummary, want);
  checkBill(ctx, u, user.bill);
}

const vars = (ctx: ReadContext, u: number): Vars => ({
  userId: ctx.userIds[u]!,
  period: ctx.period,
});

/** A read through a gateway (Tally's or the stock one); every answer is checked. */
export function gatewayRead(ctx: ReadContext, gateway: Endpoint, op: OperationName): Read {
  if (op === 'bill')
    return async (u) => {
      const data = await graphql<{ bill: { usage: Totals } }, Vars>(gateway, BILL, vars(ctx, u));
      checkBill(ctx, u, data.bill);
    };
  return async (u) => {
    const data = await graphql<{ user: JoinUser | null }, Vars>(gateway, JOIN, vars(ctx, u));
    checkJoin(ctx, u, data.user);
  };
}

/** Per subgraph, the latency of each call a direct read made (ms). */
export type SubgraphSamples = Record<Subgraph, number[]>;

export const emptySamples = (): SubgraphSamples => ({ user: [], usage: [], settlement: [] });

async function timed<T>(samples: number[], call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await call();
  samples.push(performance.now() - started);
  return result;
}

/**
 * A read straight to the subgraphs: the bill from settlement, or the join's three calls in the
 * plan's order (user, then usage and settlement at once), each call's latency into `samples`.
 */
export function directRead(
  ctx: ReadContext,
  subgraphs: Record<Subgraph, Endpoint>,
  op: OperationName,
  samples: () => SubgraphSamples,
): Read {
  if (op === 'bill')
    return async (u) => {
      const data = await timed(samples().settlement, () =>
        graphql<{ bill: { usage: Totals } }, Vars>(subgraphs.settlement, BILL, vars(ctx, u)),
      );
      checkBill(ctx, u, data.bill);
    };
  return async (u) => {
    const { userId, period } = vars(ctx, u);
    const { user } = await timed(samples().user, () =>
      graphql<{ user: Pick<JoinUser, 'id' | 'plan'> | null }, { userId: string }>(
        subgraphs.user,
        DIRECT_JOIN.user,
        { userId },
      ),
    );
    if (!user) throw new WrongAnswer(`user ${userId} not found`);
    const entityVars = { representations: [{ __typename: 'User', id: user.id }], period };
    const [usage, settlement] = await Promise.all([
      timed(samples().usage, () =>
        graphql<{ _entities: Array<Pick<JoinUser, 'usageSummary'>> }, typeof entityVars>(
          subgraphs.usage,
          DIRECT_JOIN.usage,
          entityVars,
        ),
      ),
      timed(samples().settlement, () =>
        graphql<{ _entities: Array<Pick<JoinUser, 'bill'>> }, typeof entityVars>(
          subgraphs.settlement,
          DIRECT_JOIN.settlement,
          entityVars,
        ),
      ),
    ]);
    checkJoin(ctx, u, { ...user, ...usage._entities[0], ...settlement._entities[0] });
  };
}
