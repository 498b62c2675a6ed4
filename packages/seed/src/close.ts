import { GatewayError, type GatewayCall } from './gateway-client';
import {
  SeedClosePeriodDocument,
  SeedInvoicesDocument,
  type SeedClosePeriodMutation,
  type SeedInvoicesQuery,
} from './generated/operations';
import { errorMessage, retry } from '@tally/retry';

/** closePeriod's answer; `retried`: an earlier try failed, so it may have done the close. */
export type CloseResult = SeedClosePeriodMutation['closePeriod'] & { retried: boolean };
export type InvoiceRow = SeedInvoicesQuery['invoices']['edges'][number]['node'];

/** Answers that another try cannot change. */
const FINAL = new Set(['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND']);

/**
 * Closes `period` through the gateway. A close may outlast the gateway's deadline for a
 * subgraph call; closing is idempotent, so a failure that may pass is tried again, and the
 * call that finds the close done (or waits for it) reports its invoices.
 */
export async function closeMonth(call: GatewayCall, period: string): Promise<CloseResult> {
  let retried = false;
  const result = await retry(
    async () => (await call(SeedClosePeriodDocument, { period })).closePeriod,
    {
      deadlineMs: 300_000,
      initialDelayMs: 1000,
      factor: 2,
      maxDelayMs: 10_000,
      retryIf: (err) => !(err instanceof GatewayError && FINAL.has(err.code ?? '')),
      onRetry: (_, err, delayMs) => {
        retried = true;
        console.log(`closePeriod: ${errorMessage(err)}; trying again in ${delayMs / 1000} s`);
      },
    },
  );
  return { ...result, retried };
}

/** The API's largest page. */
const MAX_PAGE = 200;

/** The period's first invoices (at most a page), by number. */
export async function firstInvoices(
  call: GatewayCall,
  period: string,
  first: number,
): Promise<InvoiceRow[]> {
  const { invoices } = await call(SeedInvoicesDocument, {
    period,
    first: Math.min(first, MAX_PAGE),
  });
  return invoices.edges.map((e) => e.node);
}
