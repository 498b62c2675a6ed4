import { effectiveCutoff } from '../domain/self-preservation';
import type { RegistryDeps } from './deps';

/** Heartbeats, deregistration and the eviction sweep: instance writes that never recompose. */
export function makeLeases(deps: RegistryDeps) {
  const { instances, leasePolicy, selfPreservation, logger } = deps;

  /** Whether the registry keeps this lapsed lease because it blames itself for the silence. */
  async function preserved(subgraph: string, instanceId: string, now: Date): Promise<boolean> {
    const assessment = selfPreservation.assess(await instances.all(), now);
    return (
      assessment.selfPreservation !== null &&
      assessment.lapsed.some((i) => i.subgraph === subgraph && i.instanceId === instanceId)
    );
  }

  return {
    /** False when the lease is gone (evicted, expired or never registered). */
    async heartbeat(subgraph: string, instanceId: string): Promise<boolean> {
      const now = deps.now();
      if (await instances.touch(subgraph, instanceId, now, effectiveCutoff(now, leasePolicy)))
        return true;
      if (!(await preserved(subgraph, instanceId, now))) return false;
      return instances.touch(subgraph, instanceId, now, new Date(0));
    },

    async deregister(subgraph: string, instanceId: string): Promise<void> {
      await instances.remove(subgraph, instanceId);
      logger.info({ subgraph, instanceId }, 'instance deregistered');
    },

    /** Evicts lapsed leases, unless the registry preserves itself; returns how many went. */
    async sweep(): Promise<number> {
      const now = deps.now();
      const assessment = selfPreservation.assess(await instances.all(), now);
      if (assessment.selfPreservation) return 0;
      const cutoff = effectiveCutoff(now, leasePolicy);
      let evicted = 0;
      for (const instance of assessment.lapsed) {
        if (!(await instances.evict(instance, cutoff))) continue;
        evicted++;
        deps.onEvicted?.(instance);
        const { subgraph, instanceId, lastHeartbeat } = instance;
        logger.info({ subgraph, instanceId, lastHeartbeat }, 'instance evicted: lease expired');
      }
      return evicted;
    },

    /** Why no lease is taken away now (as of the last assessment), or null. */
    selfPreservation: selfPreservation.current,
  };
}
