import { leaseCutoff } from '../domain/lease';
import type { RegistryDeps } from './deps';

/** Heartbeats, deregistration and the eviction sweep: instance writes that never recompose. */
export function makeLeases(deps: RegistryDeps) {
  const cutoff = () => leaseCutoff(deps.now(), deps.leaseSeconds);
  return {
    /** False when the lease is gone (evicted, expired or never registered). */
    heartbeat: (subgraph: string, instanceId: string) =>
      deps.instances.touch(subgraph, instanceId, deps.now(), cutoff()),

    async deregister(subgraph: string, instanceId: string): Promise<void> {
      await deps.instances.remove(subgraph, instanceId);
      deps.logger.info({ subgraph, instanceId }, 'instance deregistered');
    },

    async sweep(): Promise<number> {
      const limit = cutoff();
      let evicted = 0;
      for (const instance of await deps.instances.expired(limit)) {
        if (!(await deps.instances.evict(instance, limit))) continue;
        evicted++;
        const { subgraph, instanceId, lastHeartbeat } = instance;
        deps.logger.info(
          { subgraph, instanceId, lastHeartbeat },
          'instance evicted: lease expired',
        );
      }
      return evicted;
    },
  };
}
