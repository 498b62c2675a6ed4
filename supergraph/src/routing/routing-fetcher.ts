import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { InstancePool } from './instance-pool';

const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function isConnectionFailure(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code !== undefined && CONNECTION_FAILURES.has(code);
}

function isMutation(body: FetcherRequestInit['body']): boolean {
  if (typeof body !== 'string') return true; // unknown: be safe, never retry
  try {
    return /^\s*mutation\b/.test((JSON.parse(body) as { query?: string }).query ?? '');
  } catch {
    return true;
  }
}

function unavailable(subgraph: string, why: string): GraphQLError {
  return new GraphQLError(`The ${subgraph} service is unavailable: ${why}`, {
    extensions: { code: 'UNAVAILABLE', serviceName: subgraph },
  });
}

/**
 * Sends a subgraph fetch to a live instance, round-robin, ignoring the supergraph's
 * placeholder URL. A connection failure moves a query on to the next instance; a mutation
 * is never retried, since it may have taken effect.
 */
export function createRoutingFetcher(opts: {
  subgraph: string;
  pool: InstancePool;
  timeoutMs: number;
  logger: Logger;
}): Fetcher {
  return async (_placeholderUrl: string, init?: FetcherRequestInit) => {
    const tried = new Set<string>();
    const retryable = !isMutation(init?.body);
    for (;;) {
      const instance = opts.pool.pick(opts.subgraph, tried);
      if (!instance)
        throw unavailable(opts.subgraph, tried.size ? 'no instance answered' : 'no live instance');
      tried.add(instance.instanceId);
      try {
        return await fetch(instance.url, {
          ...(init as RequestInit),
          signal: AbortSignal.timeout(opts.timeoutMs),
        });
      } catch (err) {
        opts.logger.warn(
          { subgraph: opts.subgraph, instanceId: instance.instanceId, err: (err as Error).message },
          'subgraph fetch failed',
        );
        if (!retryable || !isConnectionFailure(err))
          throw unavailable(opts.subgraph, 'request failed');
      }
    }
  };
}
