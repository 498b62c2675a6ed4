import { collectDefaultMetrics, Registry } from 'prom-client';

/** One process's metrics: its own registry (never prom-client's global one), runtime included. */
export interface ServiceMetrics {
  registry: Registry;
}

/**
 * A registry for one service, labelling every series with `service`, with Node's runtime
 * figures (CPU, memory, event-loop lag, GC, handles) under their standard names. Several
 * services built in one test process each get their own.
 */
export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return { registry };
}
