import type { TypedDocumentString } from '../generated/operations';

/** A failed request, with the contract's `extensions.code` (or NETWORK / HTTP_<status>). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
}

/** The console talks to the gateway through its own origin (the console server proxies). */
const ENDPOINT = '/graphql';

/** Runs one operation; any GraphQL error fails it (the console never shows half an answer). */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await res.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, `the API answered ${res.status} without GraphQL`);
  }
  const [first] = body.errors ?? [];
  if (first) {
    const code = first.extensions?.code;
    throw new ApiError(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', first.message);
  }
  if (!body.data) throw new ApiError(`HTTP_${res.status}`, 'the API answered without data');
  return body.data;
}
