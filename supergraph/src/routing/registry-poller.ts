import type { Logger } from 'pino';
import type { Instance, InstancePool } from './instance-pool';

interface SupergraphAnswer {
  id: string;
  sdl: string;
}
interface SubgraphListing {
  name: string;
  instances: Instance[];
}

/**
 * Follows the registry: the supergraph by ETag (a 304 costs nothing) and the live instances.
 * While the registry is down, the last good supergraph and instance list stay in force
 * (and the pool keeps a subgraph's last known instances when the registry lists none).
 */
export function createRegistryPoller(opts: {
  registryUrl: string;
  /** The gateway's registry read token. */
  token: string;
  pollSeconds: number;
  /** Deadline of each call to the registry. */
  timeoutMs: number;
  pool: InstancePool;
  logger: Logger;
}) {
  const base = opts.registryUrl.replace(/\/$/, '');
  const authorization = `Bearer ${opts.token}`;
  let current: SupergraphAnswer | null = null;
  let lastError: string | null = 'not polled yet';

  async function fetchSupergraph(): Promise<SupergraphAnswer | null> {
    const headers: Record<string, string> = current
      ? { authorization, 'if-none-match': `"${current.id}"` }
      : { authorization };
    const res = await fetch(`${base}/v1/supergraph`, {
      headers,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    if (res.status === 304) return null;
    if (res.status === 404 || res.status === 503)
      throw new Error('the registry has no supergraph yet');
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    return (await res.json()) as SupergraphAnswer;
  }

  async function refreshInstances(): Promise<void> {
    const res = await fetch(`${base}/v1/subgraphs`, {
      headers: { authorization },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    const listing = (await res.json()) as SubgraphListing[];
    opts.pool.replace(new Map(listing.map((s) => [s.name, s.instances])));
  }

  /** One poll; returns a new supergraph when it changed. */
  async function poll(): Promise<SupergraphAnswer | null> {
    try {
      const [next] = await Promise.all([fetchSupergraph(), refreshInstances()]);
      lastError = null;
      if (next && next.id !== current?.id) {
        current = next;
        return next;
      }
      return null;
    } catch (err) {
      const message =
        err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err);
      if (message !== lastError)
        opts.logger.warn({ err: message }, 'registry poll failed; keeping the last supergraph');
      lastError = message;
      return null;
    }
  }

  return {
    poll,
    current: () => current,
    async health(): Promise<void> {
      if (lastError) throw new Error(lastError);
    },
  };
}

export type RegistryPoller = ReturnType<typeof createRegistryPoller>;
