import type { Fetcher, FetcherRequestInit } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { FetchObserver } from './fetch-observer';
import { createHttpTransport, type Transport } from './http-transport';
import type { InstancePool } from './instance-pool';

const CONNECTION_FAILURES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The request never reached a subgraph that could act on it: safe to send a query elsewhere. */
function isConnectionFailure(err: unknown): boolean {
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  return code !== undefined && CONNECTION_FAILURES.has(code);
}

const isTimeout = (err: unknown) => (err as Error)?.name === 'TimeoutError';

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

let sharedTransport: Transport | undefined;

/**
 * Sends a subgraph fetch to a live instance, round-robin, ignoring the supergraph's
 * placeholder URL, under a deadline. An instance that cannot be reached or does not answer
 * in time is marked down (passive health). A connection failure moves a query on to
 * another instance; a mutation is never retried, since it may have taken effect.
 */
export function createRoutingFetcher(opts: {
  subgraph: string;
  pool: InstancePool;
  timeoutMs: number;
  logger: Logger;
  /** Told of each fetch's outcome and time (the gateway's metrics). */
  observe?: FetchObserver;
  /** How requests go out; default one keep-alive transport shared by every subgraph. */
  transport?: Transport;
}): Fetcher {
  const { subgraph, pool, logger, observe } = opts;
  const send = opts.transport ?? (sharedTransport ??= createHttpTransport());
  return async (_placeholderUrl: string, init?: FetcherRequestInit) => {
    const tried = new Set<string>();
    const retryable = !isMutation(init?.body);
    for (;;) {
      const instance = pool.pick(subgraph, tried);
      if (!instance) {
        observe?.failed(subgraph, 'none', 0, 'no_instance');
        throw unavailable(subgraph, tried.size ? 'no instance answered' : 'no live instance');
      }
      tried.add(instance.instanceId);
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        // The deadline covers the answer's body too; a redirect is refused (http-transport).
        const res = await send(instance.url, init, opts.timeoutMs, { idempotent: retryable });
        observe?.answered(subgraph, instance.instanceId, seconds(), res.status);
        if (pool.answered(instance))
          logger.info({ subgraph, instanceId: instance.instanceId }, 'instance answers again');
        return res;
      } catch (err) {
        const down = isConnectionFailure(err) || isTimeout(err);
        const kind = isConnectionFailure(err)
          ? 'connection'
          : isTimeout(err)
            ? 'timeout'
            : 'request';
        observe?.failed(subgraph, instance.instanceId, seconds(), kind);
        const backoffMs = down ? pool.failed(instance) : undefined;
        logger.warn(
          { subgraph, instanceId: instance.instanceId, err: (err as Error).message, backoffMs },
          down ? 'subgraph fetch failed; instance marked down' : 'subgraph fetch failed',
        );
        if (!retryable || !isConnectionFailure(err))
          throw unavailable(subgraph, isTimeout(err) ? 'no answer in time' : 'request failed');
        observe?.retried(subgraph, instance.instanceId);
      }
    }
  };
}
