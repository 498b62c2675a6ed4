import { leaseCutoff } from '../domain/lease';
import type { RegistryDeps } from './deps';

export interface SubgraphView {
  name: string;
  sdl: string;
  instances: { instanceId: string; url: string; lastHeartbeat: string }[];
}

/** Every subgraph in the supergraph with its live instances (expired ones hidden before the sweep). */
export function makeListSubgraphs(deps: RegistryDeps) {
  return async (): Promise<SubgraphView[]> => {
    const [subgraphs, live] = await Promise.all([
      deps.subgraphs.list(),
      deps.instances.live(leaseCutoff(deps.now(), deps.leaseSeconds)),
    ]);
    return subgraphs.map(({ name, sdl }) => ({
      name,
      sdl,
      instances: live
        .filter((i) => i.subgraph === name)
        .map((i) => ({
          instanceId: i.instanceId,
          url: i.url,
          lastHeartbeat: i.lastHeartbeat.toISOString(),
        })),
    }));
  };
}
