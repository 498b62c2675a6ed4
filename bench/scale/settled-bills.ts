import { graphql, type Endpoint } from './graphql';
import type { ExpectedTotals } from './workload';

const BATCH = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Totals {
  dataMb: number;
  voiceSeconds: number;
  smsCount: number;
}

/** One request for the bills of many users, straight to settlement (aliases u0, u1, …). */
function billsQuery(userIds: string[], period: string): string {
  const fields = (id: string, i: number) =>
    `u${i}: bill(userId: ${JSON.stringify(id)}, period: ${JSON.stringify(period)}) { usage { dataMb voiceSeconds smsCount } }`;
  return `query BenchSettledBills { ${userIds.map(fields).join(' ')} }`;
}

export interface BillsCheck {
  /** Users whose bill has exactly the usage ingested for them. */
  matching: number;
  users: number;
  firstMismatch?: string;
}

/** Reads every user's bill from settlement, in batches, and compares it with the ingest. */
export async function checkBills(opts: {
  settlementApi: Endpoint;
  period: string;
  userIds: string[];
  expected: ExpectedTotals;
}): Promise<BillsCheck> {
  let matching = 0;
  let firstMismatch: string | undefined;
  for (let from = 0; from < opts.userIds.length; from += BATCH) {
    const ids = opts.userIds.slice(from, from + BATCH);
    const data = await graphql<Record<string, { usage: Totals }>, Record<string, never>>(
      opts.settlementApi,
      billsQuery(ids, opts.period),
      {},
    );
    ids.forEach((_, i) => {
      const got = data[`u${i}`]?.usage;
      const want = opts.expected.of(from + i);
      const same =
        got?.dataMb === want.dataMb &&
        got.voiceSeconds === want.voiceSeconds &&
        got.smsCount === want.smsCount;
      if (same) matching += 1;
      else
        firstMismatch ??= `user ${from + i}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
    });
  }
  return { matching, users: opts.userIds.length, ...(firstMismatch && { firstMismatch }) };
}

/**
 * Polls every bill until each one holds exactly what was ingested (settlement applied it
 * all); throws, naming a user that differs, when the count of matching bills stops rising
 * for `stallMs` (records lost, or counted twice).
 */
export async function waitBillsSettled(
  opts: Parameters<typeof checkBills>[0] & { stallMs: number },
  onProgress: (check: BillsCheck) => void = () => {},
): Promise<void> {
  let best = -1;
  let movedAt = Date.now();
  for (;;) {
    const check = await checkBills(opts);
    if (check.matching === check.users) return;
    if (check.matching > best) {
      best = check.matching;
      movedAt = Date.now();
      onProgress(check);
    } else if (Date.now() - movedAt > opts.stallMs) {
      throw new Error(
        `bills stopped changing: ${check.matching} of ${check.users} match the ingest; ${check.firstMismatch}`,
      );
    }
    await sleep(500);
  }
}
