export {
  METRIC,
  RUNTIME_METRIC_NAMES,
  SERVICE_METRIC_NAMES,
  ALL_METRIC_NAMES,
} from './metric-names';
export type { MetricsService } from './metric-names';
export { createServiceMetrics, type ServiceMetrics } from './service-metrics';
export { graphqlMetricsPlugin, GRAPHQL_BUCKETS } from './graphql-metrics-plugin';
export {
  metricsAccess,
  metricsGuard,
  MetricsTokenMissing,
  type MetricsAccess,
} from './metrics-guard';
export { metricsRouter } from './metrics-route';
export { watchConsumers } from './consumer-metrics';
export { watchOutbox } from './outbox-metrics';
export {
  createLabelFolder,
  createOperationLabels,
  createOutcomeLabels,
  ANONYMOUS_OPERATION,
  OTHER_LABEL,
} from './label-folding';
