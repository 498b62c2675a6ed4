import { sessionStore } from '../auth/session-store';
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

/** A refusal without a GraphQL answer, by its HTTP status. */
export const STATUS_CODES: Readonly<Record<number, string>> = {
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
};

/** The answer's data; else its first GraphQL error, else its HTTP status, as an ApiError. */
function dataOf<T>(status: number, body: GraphQLResponse<T> | undefined): T {
  const [first] = body?.errors ?? [];
  if (first) {
    const code = first.extensions?.code;
    throw new ApiError(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR', first.message);
  }
  if (!body)
    throw new ApiError(
      STATUS_CODES[status] ?? `HTTP_${status}`,
      `the API answered ${status} without GraphQL`,
    );
  if (!body.data) throw new ApiError(`HTTP_${status}`, 'the API answered without data');
  return body.data;
}

async function send<TResult>(query: string, variables: unknown): Promise<TResult> {
  const token = sessionStore.token();
  let res: Response;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
  }
  const body = (await res.json().catch(() => undefined)) as GraphQLResponse<TResult> | undefined;
  return dataOf(res.status, body);
}

/**
 * Runs one operation with the signed-in token; any GraphQL error fails it (the console never
 * shows half an answer). A token the API no longer accepts ends the session: the person is
 * sent back to sign in, told why.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  try {
    return await send<TResult>(document.toString(), variables);
  } catch (err) {
    endSessionIfRefused(err);
    throw err;
  }
}

/** A token the API no longer accepts ends the session, saying why at the sign-in page. */
export function endSessionIfRefused(err: unknown): void {
  if (err instanceof ApiError && err.code === 'UNAUTHENTICATED' && sessionStore.token())
    sessionStore.signOut('Your sign-in has ended or is no longer accepted. Sign in again.');
}
