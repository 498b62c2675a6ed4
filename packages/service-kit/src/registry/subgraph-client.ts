import { signInternalToken } from '@tally/auth';
import { DomainError } from '@tally/errors';

interface Listing {
  name: string;
  instances: Array<{ instanceId: string; url: string }>;
}

/**
 * Calls another subgraph directly, finding a live instance through the registry. For the
 * rare lookups a subgraph cannot answer from its own data (never for computing a bill).
 */
export function createSubgraphClient(opts: {
  registryUrl: string;
  /** This service's registry token (listing needs read access). */
  registryToken: string;
  subgraph: string;
  /** Calls are signed as `caller` with the called subgraph's secret, granting `scopes`. */
  signedAs: { caller: string; secret: string; scopes: readonly string[] };
  timeoutMs?: number;
}) {
  const identity = { authenticated: true, scopes: new Set(opts.signedAs.scopes) };
  const registry = opts.registryUrl.replace(/\/$/, '');
  let next = 0;

  async function instanceUrls(): Promise<string[]> {
    const res = await fetch(`${registry}/v1/subgraphs`, {
      headers: { authorization: `Bearer ${opts.registryToken}` },
      signal: AbortSignal.timeout(3000),
    });
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    const listing = (await res.json()) as Listing[];
    return listing.find((s) => s.name === opts.subgraph)?.instances.map((i) => i.url) ?? [];
  }

  return async function query<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const unavailable = (why: string) =>
      new DomainError('UNAVAILABLE', `the ${opts.subgraph} service is unavailable: ${why}`);
    const urls = await instanceUrls().catch((err: Error) => {
      throw unavailable(err.message);
    });
    if (urls.length === 0) throw unavailable('no live instance');
    const url = urls[next++ % urls.length]!;
    const signature = await signInternalToken({
      secret: opts.signedAs.secret,
      caller: opts.signedAs.caller,
      audience: opts.subgraph,
      identity,
    });
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 5000),
    }).catch((err: Error) => {
      throw unavailable(err.message);
    });
    const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
    if (!res.ok || body.errors?.length || !body.data)
      throw unavailable(body.errors?.[0]?.message ?? `HTTP ${res.status}`);
    return body.data;
  };
}

export type SubgraphClient = ReturnType<typeof createSubgraphClient>;
