import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import type { Transport } from '../../supergraph/src/routing/http-transport';

/** A generated typed document (its string is the query) or a plain query string. */
export type Operation<TResult, TVariables> =
  (DocumentTypeDecoration<TResult, TVariables> & { toString(): string }) | string;

/** A GraphQL endpoint (…/graphql) and the Authorization header each call carries. */
export interface Endpoint {
  url: string;
  authorization: () => Promise<string>;
  /**
   * How calls go out: fetch when unset; the gateway's keep-alive node:http transport for a
   * load generator that should cost the machine little (about a fifth of fetch's CPU).
   */
  transport?: Transport;
}

/** POSTs one operation to `endpoint`; a transport failure, non-200 or any error throws. */
export async function graphql<TResult, TVariables>(
  endpoint: Endpoint,
  operation: Operation<TResult, TVariables>,
  variables: TVariables,
  timeoutMs = 60_000,
): Promise<TResult> {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: await endpoint.authorization() },
    body: JSON.stringify({ query: operation.toString(), variables }),
  };
  const res = endpoint.transport
    ? await endpoint.transport(endpoint.url, init, timeoutMs)
    : await fetch(endpoint.url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: { data?: TResult; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
  const first = body.errors?.[0];
  if (first) throw new Error(`${first.extensions?.code ?? 'ERROR'}: ${first.message}`);
  if (!res.ok || body.data === undefined)
    throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
  return body.data;
}

/**
 * Closes the keep-alive connections fetch holds (Node's built-in undici keeps its global agent
 * under this symbol), so that a server being stopped is not kept waiting for them. Last call.
 */
export async function closeFetchConnections(): Promise<void> {
  const globals = globalThis as unknown as Record<
    symbol,
    { close?: () => Promise<void> } | undefined
  >;
  await globals[Symbol.for('undici.globalDispatcher.1')]?.close?.().catch(() => {});
}
