import type { RegistryDeps } from './deps';

export interface SubgraphView {
  name: string;
  sdl: string;
  instances: {
    instanceId: string;
    url: string;
    lastHeartbeat: string;
    /** When the lease lapses without another heartbeat (past: kept by self-preservation). */
    leaseExpiresAt: string;
  }[];
}

/**
 * Every subgraph in the supergraph with its live instances: lapsed ones are hidden before
 * the sweep, except while the registry preserves itself (then it keeps listing them).
 */
export function makeListSubgraphs(deps: RegistryDeps) {
  return async (): Promise<SubgraphView[]> => {
    const [subgraphs, all] = await Promise.all([deps.subgraphs.list(), deps.instances.all()]);
    const { lapsed, selfPreservation } = deps.selfPreservation.assess(all, deps.now());
    const leaseMs = deps.leasePolicy.leaseSeconds * 1000;
    const hidden = new Set(selfPreservation ? [] : lapsed);
    const live = all.filter((i) => !hidden.has(i));
    return subgraphs.map(({ name, sdl }) => ({
      name,
      sdl,
      instances: live
        .filter((i) => i.subgraph === name)
        .map((i) => ({
          instanceId: i.instanceId,
          url: i.url,
          lastHeartbeat: i.lastHeartbeat.toISOString(),
          leaseExpiresAt: new Date(i.lastHeartbeat.getTime() + leaseMs).toISOString(),
        })),
    }));
  };
}
