import { METRIC, type Logger, type ServiceMetrics } from '@tally/service-kit';
import { Counter, Gauge } from 'prom-client';
import { isLeaseLive } from '../domain/lease';
import type { Instance } from '../domain/types';
import type { Registry } from '../use-cases/registry';

/**
 * The registry's figures. Read at scrape time: instances per subgraph, live (heartbeat within
 * the lease) or expired (lapsed, not evicted yet: the next sweep, or self-preservation keeps
 * them), from one read of the instances collection (a registry holds a few dozen); whether it
 * preserves itself; the supergraph it serves. Counted as they happen: lease evictions.
 */
export function createRegistryMetrics(
  metrics: ServiceMetrics,
  opts: {
    registry: () => Registry;
    instances: () => Promise<Instance[]>;
    leaseSeconds: number;
    now: () => Date;
    logger: Logger;
  },
): { evicted(instance: Instance): void } {
  const registers = [metrics.registry];
  new Gauge({
    name: METRIC.registryInstances,
    help: 'Registered instances per subgraph: live (heartbeat within the lease) or expired (lapsed, not evicted yet)',
    labelNames: ['subgraph', 'state'],
    registers,
    async collect() {
      this.reset();
      try {
        const now = opts.now();
        for (const i of await opts.instances()) {
          const state = isLeaseLive(i.lastHeartbeat, now, opts.leaseSeconds) ? 'live' : 'expired';
          this.inc({ subgraph: i.subgraph, state });
        }
      } catch (err) {
        opts.logger.warn({ err: (err as Error).message }, 'metrics: instances left out');
      }
    },
  });
  const evictions = new Counter({
    name: METRIC.registryEvictions,
    help: 'Instances evicted because their lease expired, by subgraph',
    labelNames: ['subgraph'],
    registers,
  });
  new Gauge({
    name: METRIC.registrySelfPreservation,
    help: 'Whether the registry preserves itself (1: evicts no lease, blaming itself for the silence)',
    registers,
    collect() {
      this.set(opts.registry().selfPreservation() ? 1 : 0);
    },
  });
  new Gauge({
    name: METRIC.registrySupergraph,
    help: 'The supergraph the registry serves: 1 for its id (none before a first composition)',
    labelNames: ['supergraph_id'],
    registers,
    collect() {
      this.reset();
      const current = opts.registry().supergraph();
      if (current) this.set({ supergraph_id: current.id }, 1);
    },
  });
  return { evicted: (instance) => evictions.inc({ subgraph: instance.subgraph }) };
}
