import { METRIC, type ServiceMetrics } from '@tally/service-kit';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { FetchObserver } from '../routing/fetch-observer';

/** Seconds: a subgraph's key lookup takes milliseconds; the deadline is seconds. */
const FETCH_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The gateway's own figures: each subgraph fetch by subgraph and instance (time to the
 * whole answer, failures by kind, moves to another instance) and the supergraph it
 * serves. Instance ids come from the registry, so the series stay as many as the instances
 * this process has seen.
 */
export function createGatewayMetrics(metrics: ServiceMetrics): {
  fetches: FetchObserver;
  served(supergraphId: string): void;
} {
  const registers = [metrics.registry];
  const duration = new Histogram({
    name: METRIC.subgraphFetchDuration,
    help: "Subgraph fetch time to the whole answer (body read) in seconds, by subgraph, instance and outcome (ok, http_error or the failure's kind)",
    labelNames: ['subgraph', 'instance', 'outcome'],
    buckets: FETCH_BUCKETS,
    registers,
  });
  const errors = new Counter({
    name: METRIC.subgraphFetchErrors,
    help: 'Subgraph fetches that failed, by subgraph, instance and kind (connection, timeout, request, no_instance, http_error)',
    labelNames: ['subgraph', 'instance', 'kind'],
    registers,
  });
  const retries = new Counter({
    name: METRIC.subgraphFetchRetries,
    help: 'Queries sent on to another instance after this one could not be reached',
    labelNames: ['subgraph', 'instance'],
    registers,
  });
  const supergraph = new Gauge({
    name: METRIC.gatewaySupergraph,
    help: 'The supergraph the gateway serves: 1 for its id',
    labelNames: ['supergraph_id'],
    registers,
  });
  return {
    fetches: {
      answered(subgraph, instance, seconds, status) {
        const outcome = status >= 500 ? 'http_error' : 'ok';
        duration.observe({ subgraph, instance, outcome }, seconds);
        if (outcome !== 'ok') errors.inc({ subgraph, instance, kind: outcome });
      },
      failed(subgraph, instance, seconds, kind) {
        if (kind !== 'no_instance')
          duration.observe({ subgraph, instance, outcome: kind }, seconds);
        errors.inc({ subgraph, instance, kind });
      },
      retried: (subgraph, instance) => retries.inc({ subgraph, instance }),
    },
    served(supergraphId) {
      supergraph.reset();
      supergraph.set({ supergraph_id: supergraphId }, 1);
    },
  };
}
