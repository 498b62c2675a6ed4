import type { Logger } from 'pino';

interface Listing {
  name: string;
  instances: Array<{ instanceId: string; url: string }>;
}

/** The registry call's deadline: a registry that hangs holds no call longer than this. */
const REGISTRY_TIMEOUT_MS = 3000;

/**
 * The registry's listing of one subgraph, cached. A call finding it older than `refreshMs`
 * starts a refresh in the background (one at a time) and goes on with what is known. A call
 * that knows no instance, or whose every instance failed, waits for a refresh, unless the
 * registry was unreachable less than `refreshMs` ago. A failed or empty listing keeps the last
 * known instances, logged once per outage.
 */
export function createListingCache(opts: {
  registryUrl: string;
  registryToken: string;
  subgraph: string;
  refreshMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
}) {
  const refreshMs = opts.refreshMs ?? 5000;
  const registry = opts.registryUrl.replace(/\/$/, '');
  let known: string[] = [];
  let fetchedAt = -Infinity;
  let unreachableAt = -Infinity;
  let outage: string | null = null;
  let warned = false;
  let inFlight: Promise<void> | null = null;

  async function fetchListing(): Promise<string[]> {
    const res = await fetch(`${registry}/v1/subgraphs`, {
      headers: { authorization: `Bearer ${opts.registryToken}` },
      signal: AbortSignal.timeout(REGISTRY_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    const listing = (await res.json()) as Listing[];
    return listing.find((s) => s.name === opts.subgraph)?.instances.map((i) => i.url) ?? [];
  }

  /** Logs the first problem of an outage (when there are instances to keep) and its end. */
  function note(problem: string | null): void {
    if (problem && !warned && known.length > 0) {
      warned = true;
      opts.logger?.warn(
        { subgraph: opts.subgraph, instances: known, problem },
        'registry listing unusable; keeping the last known instances',
      );
    }
    if (!problem && warned) {
      warned = false;
      opts.logger?.info({ subgraph: opts.subgraph }, 'registry lists instances again');
    }
    outage = problem;
  }

  function refresh(): Promise<void> {
    inFlight ??= (async () => {
      try {
        const urls = await fetchListing();
        if (urls.length > 0) known = urls;
        note(urls.length > 0 ? null : 'the registry lists no live instance');
      } catch (err) {
        unreachableAt = Date.now();
        note(`registry unreachable: ${reasonOf(err as Error)}`);
      } finally {
        fetchedAt = Date.now();
        inFlight = null;
      }
    })();
    return inFlight;
  }

  return {
    /** The instances to try; `needed` when the known ones are none or all failed. */
    async urls({ needed = false } = {}): Promise<string[]> {
      const now = Date.now();
      const wait = needed || known.length === 0;
      if (wait && (inFlight || now - unreachableAt >= refreshMs)) await refresh();
      else if (now - fetchedAt >= refreshMs) void refresh();
      return known;
    },
    /** Why the registry's listing is not used, if it is not. */
    reason: (): string | null => outage,
  };
}

/** fetch's "fetch failed" says nothing; its cause (ECONNREFUSED, a timeout) does. */
export function reasonOf(err: Error): string {
  if (err.name === 'TimeoutError') return 'timed out';
  // Duck-typed: the cause may come from another realm (undici's own Error class).
  const cause = (err as { cause?: { message?: unknown; code?: unknown } }).cause;
  const detail = cause?.message || cause?.code;
  return typeof detail === 'string' && detail ? detail : err.message;
}
