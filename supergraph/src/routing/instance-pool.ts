import type { Logger } from 'pino';
import { createPassiveHealth, type PassiveHealth } from './passive-health';

export interface Instance {
  instanceId: string;
  url: string;
}

/**
 * Live instances per subgraph, handed out round-robin, skipping those that failed lately
 * (passive health). When the registry lists none for a subgraph it still has, the last
 * known ones stay: an empty list more often means a sick registry than a dead subgraph, and
 * a dead instance costs one refused connection before it is skipped.
 */
export function createInstancePool(opts: { logger?: Logger; health?: PassiveHealth } = {}) {
  const health = opts.health ?? createPassiveHealth();
  let bySubgraph = new Map<string, Instance[]>();
  const keptStale = new Set<string>();
  const cursor = new Map<string, number>();

  function roundRobin(subgraph: string, candidates: Instance[]): Instance {
    const n = (cursor.get(subgraph) ?? 0) + 1;
    cursor.set(subgraph, n);
    return candidates[n % candidates.length]!;
  }

  return {
    /** Takes the registry's listing; a subgraph it no longer names is dropped. */
    replace(next: Map<string, Instance[]>): void {
      const merged = new Map<string, Instance[]>();
      for (const [subgraph, listed] of next) {
        const known = bySubgraph.get(subgraph) ?? [];
        const keep = listed.length === 0 && known.length > 0;
        merged.set(subgraph, keep ? known : listed);
        if (keep && !keptStale.has(subgraph))
          opts.logger?.warn(
            { subgraph, instances: known.map((i) => i.instanceId) },
            'registry lists no instance; keeping the last known ones',
          );
        if (keep) keptStale.add(subgraph);
        else keptStale.delete(subgraph);
      }
      bySubgraph = merged;
      health.keepOnly(new Set([...merged.values()].flat().map((i) => i.url)));
    },
    /**
     * The next instance not in `tried`, preferring those not marked down; when every one
     * is down, the one due back first (so a lone instance is found again as soon as it is up).
     */
    pick(subgraph: string, tried: ReadonlySet<string> = new Set()): Instance | undefined {
      const candidates = (bySubgraph.get(subgraph) ?? []).filter((i) => !tried.has(i.instanceId));
      if (candidates.length === 0) return undefined;
      const up = candidates.filter((i) => !health.isDown(i.url));
      if (up.length > 0) return roundRobin(subgraph, up);
      return candidates.reduce((a, b) => (health.retryAt(b.url) < health.retryAt(a.url) ? b : a));
    },
    /** The instance did not answer: skip it for a while; returns the back-off in ms. */
    failed: (instance: Instance): number => health.failed(instance.url),
    /** The instance answered; true when it had been marked down. */
    answered: (instance: Instance): boolean => health.answered(instance.url),
    snapshot(): Record<string, Instance[]> {
      return Object.fromEntries(bySubgraph);
    },
  };
}

export type InstancePool = ReturnType<typeof createInstancePool>;
