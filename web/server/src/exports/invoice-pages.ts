import { ExportError, exportErrorOf } from './export-error';

/** security.md's largest page: the fewest round trips for a large period. */
export const EXPORT_PAGE_SIZE = 200;
const GATEWAY_TIMEOUT_MS = 60_000;

/** What the export asks the gateway for, a page at a time (checked against the API schema). */
export const INVOICES_EXPORT_QUERY = `query InvoicesExport($period: String!, $first: Int!, $after: String) {
  invoices(period: $period, first: $first, after: $after) {
    edges {
      node {
        number
        period
        issuedAt
        userId
        user {
          name
        }
        bill {
          baseFee
          overageCharge
          adjustmentTotal
        }
        total
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}`;

/** One invoice as the CSV shows it. */
export interface ExportedInvoice {
  number: string;
  period: string;
  issuedAt: string;
  userId: string;
  user: { name: string };
  bill: { baseFee: number; overageCharge: number; adjustmentTotal: number };
  total: number;
}

export interface InvoicePage {
  invoices: ExportedInvoice[];
  /** Where the next page starts; null after the last. */
  next: string | null;
}

interface GraphQLAnswer {
  data?: {
    invoices?: {
      edges: Array<{ node: ExportedInvoice }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
  errors?: Array<{ message?: string; extensions?: { code?: unknown } }>;
}

/**
 * Asks the gateway for one page of `period`'s invoices as the caller (their Authorization
 * header, as it came). Refusals keep the API's code: UNAUTHENTICATED -> 401, FORBIDDEN -> 403.
 */
export async function fetchInvoicePage(opts: {
  gatewayUrl: string;
  authorization: string;
  period: string;
  after: string | null;
  signal: AbortSignal;
  pageSize?: number;
}): Promise<InvoicePage> {
  let res: Response;
  try {
    res = await fetch(`${opts.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        authorization: opts.authorization,
      },
      body: JSON.stringify({
        query: INVOICES_EXPORT_QUERY,
        variables: {
          period: opts.period,
          first: opts.pageSize ?? EXPORT_PAGE_SIZE,
          after: opts.after,
        },
      }),
      signal: AbortSignal.any([opts.signal, AbortSignal.timeout(GATEWAY_TIMEOUT_MS)]),
    });
  } catch (err) {
    if (opts.signal.aborted) throw err;
    throw new ExportError(503, 'UNAVAILABLE', `the gateway is not reachable: ${messageOf(err)}`);
  }
  const answer = (await res.json().catch(() => undefined)) as GraphQLAnswer | undefined;
  const [first] = answer?.errors ?? [];
  if (first) throw exportErrorOf(first.extensions?.code, first.message ?? 'the API refused');
  const invoices = answer?.data?.invoices;
  if (!res.ok || !invoices) throw statusError(res.status);
  const { hasNextPage, endCursor } = invoices.pageInfo;
  return {
    invoices: invoices.edges.map((edge) => edge.node),
    next: hasNextPage && endCursor ? endCursor : null,
  };
}

function statusError(status: number): ExportError {
  if (status === 401) return exportErrorOf('UNAUTHENTICATED', 'the API refused the token');
  if (status === 403) return exportErrorOf('FORBIDDEN', 'the API refused the request');
  return new ExportError(502, `HTTP_${status}`, `the gateway answered ${status} without invoices`);
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
