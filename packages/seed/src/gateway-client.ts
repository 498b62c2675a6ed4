import type { TypedDocumentString } from './generated/operations';

export interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** One typed GraphQL call, signed in with `token`; the first error (with its code) becomes a GatewayError. */
export function gatewayClient(url: string, token: string) {
  return async function call<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult> {
    let res: Response;
    try {
      res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: document.toString(), variables }),
        // A gateway that accepts the connection and never answers must not hang the seed.
        signal: AbortSignal.timeout(60_000),
      });
    } catch (err) {
      throw new GatewayError(
        `cannot reach the gateway at ${url} (${(err as Error).message}); is the stack running (npm start)?`,
        'UNAVAILABLE',
      );
    }
    const body = (await res.json()) as { data?: TResult; errors?: GraphQLErrorBody[] };
    const first = body.errors?.[0];
    if (first) throw new GatewayError(first.message, first.extensions?.code);
    return body.data as TResult;
  };
}

export type GatewayCall = ReturnType<typeof gatewayClient>;
