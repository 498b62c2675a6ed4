export interface Instance {
  instanceId: string;
  url: string;
}

/** Live instances per subgraph, handed out round-robin. */
export function createInstancePool() {
  let bySubgraph = new Map<string, Instance[]>();
  const cursor = new Map<string, number>();
  return {
    replace(next: Map<string, Instance[]>): void {
      bySubgraph = next;
    },
    /** The next live instance not in `tried`, or undefined when none is left. */
    pick(subgraph: string, tried: ReadonlySet<string> = new Set()): Instance | undefined {
      const all = bySubgraph.get(subgraph) ?? [];
      const candidates = all.filter((i) => !tried.has(i.instanceId));
      if (candidates.length === 0) return undefined;
      const n = (cursor.get(subgraph) ?? 0) + 1;
      cursor.set(subgraph, n);
      return candidates[n % candidates.length];
    },
    snapshot(): Record<string, Instance[]> {
      return Object.fromEntries(bySubgraph);
    },
  };
}

export type InstancePool = ReturnType<typeof createInstancePool>;
