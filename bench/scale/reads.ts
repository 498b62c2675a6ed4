import { UserBillDocument } from '../../web/src/generated/operations';
import { graphql, type Endpoint } from './graphql';
import { latency, round1, type Latency } from './stats';
import type { ExpectedTotals, UsageTotals } from './workload';

/** Straight to the settlement subgraph: the same bill, without the gateway and user subgraph. */
const SETTLEMENT_BILL = `query BenchSettlementBill($userId: ID!, $period: String!) {
  bill(userId: $userId, period: $period) {
    period baseFee overageCharge total eventsApplied updatedAt
    usage { dataMb voiceSeconds smsCount } unratedUsage { dataMb voiceSeconds smsCount }
    lines { plan { id } days baseFee allowance { dataMb voiceSeconds smsCount }
      usage { dataMb voiceSeconds smsCount } overage { dataMb voiceSeconds smsCount } overageCharge }
  }
}`;
const USAGE_PAGE = `query BenchUsagePage($userId: ID!, $period: String!) {
  user(id: $userId) {
    usages(period: $period, first: 50) {
      edges { cursor node { id type amount occurredAt recordedAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const USAGE_SUMMARY = `query BenchUsageSummary($userId: ID!, $period: String!) {
  user(id: $userId) { usageSummary(period: $period) { dataMb voiceSeconds smsCount records } }
}`;

type Totals = Omit<UsageTotals, 'records'>;
interface ReadVars {
  userId: string;
  period: string;
}

export class WrongAnswer extends Error {}

export function same(what: string, got: Totals, want: Totals): void {
  const keys = ['dataMb', 'voiceSeconds', 'smsCount'] as const;
  if (keys.some((k) => got[k] !== want[k]))
    throw new WrongAnswer(`${what}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
}

/** The four measured reads of one user's month; each checks its answer against the ingest. */
export function benchReads(opts: {
  gatewayApi: Endpoint;
  settlementApi: Endpoint;
  period: string;
  userIds: string[];
  expected: ExpectedTotals;
}) {
  const vars = (u: number): ReadVars => ({ userId: opts.userIds[u]!, period: opts.period });
  return {
    async billViaGateway(u: number): Promise<void> {
      const data = await graphql(opts.gatewayApi, UserBillDocument, vars(u));
      if (!data.user) throw new WrongAnswer(`user ${vars(u).userId} not found`);
      same(`bill of user ${u} (gateway)`, data.user.bill.usage, opts.expected.of(u));
    },
    async billViaSettlement(u: number): Promise<void> {
      const data = await graphql<{ bill: { usage: Totals } }, ReadVars>(
        opts.settlementApi,
        SETTLEMENT_BILL,
        vars(u),
      );
      same(`bill of user ${u} (settlement)`, data.bill.usage, opts.expected.of(u));
    },
    async usagePage(u: number): Promise<void> {
      const data = await graphql<{ user: { usages: { edges: unknown[] } } | null }, ReadVars>(
        opts.gatewayApi,
        USAGE_PAGE,
        vars(u),
      );
      const want = Math.min(50, opts.expected.of(u).records);
      const got = data.user?.usages.edges.length;
      if (got !== want)
        throw new WrongAnswer(`usage page of user ${u}: ${got} records, expected ${want}`);
    },
    async usageSummary(u: number): Promise<void> {
      const data = await graphql<{ user: { usageSummary: UsageTotals } | null }, ReadVars>(
        opts.gatewayApi,
        USAGE_SUMMARY,
        vars(u),
      );
      const got = data.user?.usageSummary;
      const want = opts.expected.of(u);
      if (!got || got.records !== want.records)
        throw new WrongAnswer(
          `usage summary of user ${u}: ${got?.records} records, expected ${want.records}`,
        );
      same(`usage summary of user ${u}`, got, want);
    },
  };
}

export type Read = (userIndex: number) => Promise<void>;

export interface SequentialResult extends Latency {
  errors: number;
  /** Answers that disagree with what was ingested (lost or double-counted records). */
  wrongAnswers: number;
  firstErrors: string[];
}

/** `n` reads one after the other, over users spread across the population. */
export async function sequential(n: number, users: number, read: Read): Promise<SequentialResult> {
  const samples: number[] = [];
  const errors: string[] = [];
  let wrong = 0;
  for (let k = 0; k < n; k++) {
    const started = performance.now();
    try {
      await read((k * 7919) % users);
      samples.push(performance.now() - started);
    } catch (err) {
      errors.push(errorText(err));
      if (err instanceof WrongAnswer) wrong += 1;
    }
  }
  return {
    ...latency(samples),
    errors: errors.length,
    wrongAnswers: wrong,
    firstErrors: [...new Set(errors)].slice(0, 5),
  };
}

export interface LoadResult extends Latency {
  connections: number;
  seconds: number;
  readsPerSecond: number;
  errors: number;
  wrongAnswers: number;
  firstErrors: string[];
}

/** `connections` readers in a closed loop for `seconds`, each on random users. */
export async function load(
  seconds: number,
  connections: number,
  users: number,
  read: Read,
): Promise<LoadResult> {
  const samples: number[] = [];
  const errors: string[] = [];
  let wrong = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        try {
          await read(Math.floor(Math.random() * users));
          samples.push(performance.now() - t);
        } catch (err) {
          errors.push(errorText(err));
          if (err instanceof WrongAnswer) wrong += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    connections,
    seconds: round1(elapsed),
    readsPerSecond: round1(samples.length / elapsed),
    ...latency(samples),
    errors: errors.length,
    wrongAnswers: wrong,
    firstErrors: [...new Set(errors)].slice(0, 5),
  };
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err.cause as Error | undefined)?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}
