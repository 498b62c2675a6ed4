import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../generated/operations';
import { request } from './graphql-client';

interface Answer<TResult> {
  /** Which request this answers: the variables and how many times they were asked. */
  requestId: string;
  key: string;
  data?: TResult;
  error?: unknown;
}

interface QueryOptions<TResult> {
  /** Keeps asking, for answers that change by themselves (bills settle from events). */
  pollMs?: number;
  /** Stops polling while the answer shown meets this (e.g. a bill closed for good). */
  pollUntil?: (data: TResult) => boolean;
  /** Asks again whenever this changes (e.g. after a mutation that alters the answer). */
  version?: number;
}

/**
 * Runs a query when mounted and whenever its variables change; `refetch` asks again. The
 * last answer for the same variables stays shown while a new one is on its way.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  { pollMs, pollUntil, version = 0 }: QueryOptions<TResult> = {},
) {
  const key = JSON.stringify(variables);
  const [asked, setAsked] = useState(0);
  const [answer, setAnswer] = useState<Answer<TResult> | null>(null);
  const refetch = useCallback(() => setAsked((n) => n + 1), []);
  const requestId = `${version}:${asked}:${key}`;

  useEffect(() => {
    let current = true;
    request(document, JSON.parse(key) as TVariables).then(
      (data) => current && setAnswer({ requestId, key, data }),
      (error: unknown) =>
        current &&
        setAnswer((last) => ({
          requestId,
          key,
          data: last?.key === key ? last.data : undefined,
          error,
        })),
    );
    return () => {
      current = false;
    };
  }, [document, key, requestId]);

  const fresh = answer?.key === key;
  const settled = fresh && answer.data !== undefined && !!pollUntil?.(answer.data);
  useEffect(() => {
    if (!pollMs || settled) return;
    const timer = setInterval(refetch, pollMs);
    return () => clearInterval(timer);
  }, [pollMs, settled, refetch]);

  return {
    data: fresh ? answer.data : undefined,
    error: fresh ? answer.error : undefined,
    loading: answer?.requestId !== requestId,
    refetch,
  };
}
