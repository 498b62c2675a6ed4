import { signInternalToken } from '@tally/auth';
import { DomainError } from '@tally/errors';
import type { Logger } from 'pino';
import { createListingCache, reasonOf } from './subgraph-client-listing';

export interface SubgraphClientOptions {
  registryUrl: string;
  /** This service's registry token (listing needs read access). */
  registryToken: string;
  subgraph: string;
  /** Calls are signed as `caller` with the called subgraph's secret, granting `scopes`. */
  signedAs: { caller: string; secret: string; scopes: readonly string[] };
  /** Deadline of one call to one instance. Default 5 s. */
  timeoutMs?: number;
  /** Age of the cached listing at which a call refreshes it in the background. Default 5 s. */
  refreshMs?: number;
  /** How long an instance that refused a connection or timed out is skipped. Default 3 s. */
  downMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}

/**
 * Calls another subgraph directly, finding a live instance through the registry. For the
 * rare lookups a subgraph cannot answer from its own data (never for computing a bill).
 *
 * Like the gateway's pool, it keeps the last known instances while the registry is down or
 * lists none (right after a registry restart, before instances heartbeat again), refreshing
 * the listing at most every `refreshMs`. An instance that does not answer (refused, reset,
 * timed out) is skipped for `downMs` and the call goes to the next live one; that is safe
 * because calls through this client are reads.
 */
export function createSubgraphClient(opts: SubgraphClientOptions) {
  const identity = { authenticated: true, scopes: new Set(opts.signedAs.scopes) };
  const downMs = opts.downMs ?? 3000;
  const listing = createListingCache(opts);
  const downUntil = new Map<string, number>();
  let next = 0;

  const unavailable = (why: string) =>
    new DomainError('UNAVAILABLE', `the ${opts.subgraph} service is unavailable: ${why}`);

  /** An untried instance: a live one, else (on the first try only) the one due back first. */
  function pick(urls: string[], tried: ReadonlySet<string>): string | undefined {
    const now = Date.now();
    const untried = urls.filter((u) => !tried.has(u));
    const live = untried.filter((u) => (downUntil.get(u) ?? 0) <= now);
    if (live.length > 0) return live[next++ % live.length];
    if (tried.size > 0 || untried.length === 0) return undefined;
    return untried.reduce((a, b) => ((downUntil.get(b) ?? 0) < (downUntil.get(a) ?? 0) ? b : a));
  }

  async function post(url: string, signature: string, body: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
      body,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    });
    return { res, text: await res.text() };
  }

  return async function query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    let urls = await listing.urls();
    for (const url of downUntil.keys()) if (!urls.includes(url)) downUntil.delete(url);
    if (urls.length === 0) throw unavailable(listing.reason() ?? 'no live instance');
    const signature = await signInternalToken({
      secret: opts.signedAs.secret,
      caller: opts.signedAs.caller,
      audience: opts.subgraph,
      identity,
    });
    const body = JSON.stringify({ query, variables });
    const tried = new Set<string>();
    const failures: string[] = [];
    let relisted = false;
    for (;;) {
      let url = pick(urls, tried);
      if (url === undefined && !relisted) {
        // Every known instance failed: the registry may already list their replacements.
        relisted = true;
        urls = await listing.urls({ needed: true });
        url = pick(urls, tried);
      }
      if (url === undefined) {
        const why = failures.length > 0 ? failures.join('; ') : 'every instance is marked down';
        const registry = listing.reason();
        throw unavailable(`no instance answered (${why})${registry ? `; ${registry}` : ''}`);
      }
      tried.add(url);
      const answer = await post(url, signature, body).catch((err: Error) => {
        downUntil.set(url, Date.now() + downMs);
        failures.push(`${url}: ${reasonOf(err)}`);
        return undefined;
      });
      if (!answer) continue;
      downUntil.delete(url);
      return dataOf<T>(answer.res, answer.text, unavailable);
    }
  };
}

function dataOf<T>(res: Response, text: string, unavailable: (why: string) => DomainError): T {
  let body: { data?: T; errors?: Array<{ message: string }> };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw unavailable(`HTTP ${res.status}, not a GraphQL answer`);
  }
  if (!res.ok || body.errors?.length || !body.data)
    throw unavailable(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
  return body.data;
}

export type SubgraphClient = ReturnType<typeof createSubgraphClient>;
