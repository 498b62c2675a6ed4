/**
 * Every metric name Tally exports, in one place: the services build their metrics from these
 * constants, and dashboards (and their tests) check what they chart against the lists below.
 * A histogram `x` is exported as `x_bucket`, `x_sum` and `x_count`.
 */
export const METRIC = {
  graphqlRequests: 'tally_graphql_requests_total',
  graphqlDuration: 'tally_graphql_request_duration_seconds',
  consumerLag: 'tally_kafka_consumer_lag',
  deadLettered: 'tally_kafka_dead_lettered_total',
  deadLetterTopicMessages: 'tally_kafka_dead_letter_topic_messages',
  kafkaScrapeErrors: 'tally_kafka_scrape_errors_total',
  outboxPending: 'tally_outbox_pending',
  outboxOldestAge: 'tally_outbox_oldest_pending_age_seconds',
  outboxParked: 'tally_outbox_parked',
  subgraphFetchDuration: 'tally_gateway_subgraph_fetch_duration_seconds',
  subgraphFetchErrors: 'tally_gateway_subgraph_fetch_errors_total',
  subgraphFetchRetries: 'tally_gateway_subgraph_fetch_retries_total',
  gatewaySupergraph: 'tally_gateway_supergraph_info',
  registryInstances: 'tally_registry_instances',
  registryEvictions: 'tally_registry_lease_evictions_total',
  registrySelfPreservation: 'tally_registry_self_preservation',
  registrySupergraph: 'tally_registry_supergraph_info',
  configRequests: 'tally_config_requests_total',
} as const;

/** Node's runtime figures (prom-client's defaults, standard names, no prefix); the main ones. */
export const RUNTIME_METRIC_NAMES = [
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'process_start_time_seconds',
  'nodejs_eventloop_lag_seconds',
  'nodejs_heap_size_used_bytes',
  'nodejs_gc_duration_seconds',
  'nodejs_active_handles_total',
] as const;

const graphql = [METRIC.graphqlRequests, METRIC.graphqlDuration];
const outbox = [METRIC.outboxPending, METRIC.outboxOldestAge, METRIC.outboxParked];
const consumers = [
  METRIC.consumerLag,
  METRIC.deadLettered,
  METRIC.deadLetterTopicMessages,
  METRIC.kafkaScrapeErrors,
];

/** What each service's `/metrics` exports besides the runtime figures. */
export const SERVICE_METRIC_NAMES = {
  gateway: [
    ...graphql,
    METRIC.subgraphFetchDuration,
    METRIC.subgraphFetchErrors,
    METRIC.subgraphFetchRetries,
    METRIC.gatewaySupergraph,
  ],
  'user-subgraph': [...graphql, ...outbox, ...consumers],
  'usage-subgraph': [...graphql, ...outbox, ...consumers],
  'settlement-subgraph': [...graphql, ...consumers],
  'registry-service': [
    METRIC.registryInstances,
    METRIC.registryEvictions,
    METRIC.registrySelfPreservation,
    METRIC.registrySupergraph,
  ],
  'config-service': [METRIC.configRequests],
} as const satisfies Record<string, readonly string[]>;

export type MetricsService = keyof typeof SERVICE_METRIC_NAMES;

/** Every name a dashboard may chart: runtime figures and every service's own. */
export const ALL_METRIC_NAMES: readonly string[] = [
  ...new Set<string>([...RUNTIME_METRIC_NAMES, ...Object.values(SERVICE_METRIC_NAMES).flat()]),
];
