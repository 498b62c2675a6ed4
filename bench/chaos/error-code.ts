/**
 * A short name for why a call failed, for counting per fault: the GraphQL error code the API
 * answered (UNAVAILABLE, INTERNAL_SERVER_ERROR, …; bench/scale/graphql.ts throws "CODE: …"),
 * HTTP_<status> for an answer that is no GraphQL result, the socket error (ECONNREFUSED,
 * ECONNRESET, UND_ERR_SOCKET, …) or TIMEOUT when no answer came in time.
 */
export function errorCode(err: unknown): string {
  // An aborted fetch rejects with a DOMException, not always an Error here.
  const name = (err as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return 'TIMEOUT';
  if (!(err instanceof Error)) return 'ERROR';
  const cause = err.cause as { code?: unknown; name?: unknown } | undefined;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause?.name === 'TimeoutError' || cause?.name === 'AbortError') return 'TIMEOUT';
  const graphql = /^([A-Z][A-Z0-9_]+): /.exec(err.message);
  if (graphql) return graphql[1]!;
  const http = /^HTTP (\d{3})/.exec(err.message);
  if (http) return `HTTP_${http[1]}`;
  return err.name && err.name !== 'Error' ? err.name : 'ERROR';
}

/** The message of an error and of its cause, for the report's examples. */
export function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err.cause as Error | undefined)?.message;
  return cause ? `${err.message} (${cause})` : err.message;
}
