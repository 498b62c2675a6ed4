import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { Counter, Histogram } from 'prom-client';
import { createOperationLabels, createOutcomeLabels } from './label-folding';
import { METRIC } from './metric-names';
import type { ServiceMetrics } from './service-metrics';

/** Seconds: from a key lookup (a few ms) to the gateway's subgraph deadline. */
export const GRAPHQL_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Errors = ReadonlyArray<{ extensions?: Record<string, unknown> }> | undefined;

/**
 * Counts each GraphQL request and times it, by operation name and outcome (`OK` or the first
 * error's code as the client sees it, after masking). Used by every subgraph and the gateway.
 */
export function graphqlMetricsPlugin<C extends BaseContext>(
  metrics: ServiceMetrics,
): ApolloServerPlugin<C> {
  const labelNames = ['operation', 'code'] as const;
  const requests = new Counter({
    name: METRIC.graphqlRequests,
    help: 'GraphQL requests by operation name and outcome code (OK or the first error code)',
    labelNames,
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: METRIC.graphqlDuration,
    help: 'GraphQL request time, from the request read to the answer sent, in seconds',
    labelNames,
    buckets: GRAPHQL_BUCKETS,
    registers: [metrics.registry],
  });
  const operationOf = createOperationLabels();
  const outcomeOf = createOutcomeLabels();
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, response, errors }) {
          const body = response.body;
          const sent: Errors =
            body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
          const labels = { operation: operationOf(operationName), code: outcomeOf(sent ?? errors) };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
