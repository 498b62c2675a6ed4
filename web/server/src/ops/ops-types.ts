/**
 * The JSON of the console server's /ops/* endpoints (the Operations page): one file, imported
 * by the server that answers and the page that reads (types only).
 */

/** A figure from one source: its data, or why the source could not be read (it is down). */
export type Sourced<T> = { ok: true; data: T } | { ok: false; error: string };

export type InstanceStatus = 'up' | 'lapsed';

export interface InstanceView {
  instanceId: string;
  url: string;
  lastHeartbeat: string;
  leaseExpiresAt: string;
  /** Seconds since the last heartbeat, as of the overview's `at`. */
  leaseAgeSeconds: number;
  /** `lapsed`: past its lease, still listed because the registry preserves itself. */
  status: InstanceStatus;
}

export interface SubgraphView {
  name: string;
  instances: InstanceView[];
}

export interface SelfPreservationView {
  active: boolean;
  reason?: string;
  since?: string;
}

export interface RegistryView {
  subgraphs: SubgraphView[];
  selfPreservation: Sourced<SelfPreservationView>;
}

export interface CompositionView {
  id: string;
  subgraphs: string[];
  composedAt: string;
}

export interface PartitionLagView {
  topic: string;
  partition: number;
  /** The group's committed offset; null: nothing committed yet. */
  committed: string | null;
  end: string;
  lag: number;
}

export interface ConsumerGroupView {
  groupId: string;
  /** Stable, Empty, PreparingRebalance, … as the broker says. */
  state: string;
  members: number;
  totalLag: number;
  partitions: PartitionLagView[];
}

export interface OutboxFigures {
  collection: string;
  pending: number;
  oldestPendingAgeSeconds: number;
  parked: number;
}

export interface ServiceOutboxView {
  service: string;
  /** The figures from the service's /metrics; an empty list: the service keeps no outbox. */
  outboxes: Sourced<OutboxFigures[]>;
}

export interface OpsOverview {
  at: string;
  registry: Sourced<RegistryView>;
  supergraphs: Sourced<CompositionView[]>;
  consumers: Sourced<ConsumerGroupView[]>;
  outboxes: Sourced<ServiceOutboxView[]>;
}

export interface ChartSample {
  at: string;
  /** Usage records per second over the last interval (the usage topic's growth). */
  ingestPerSecond: number | null;
  /** Messages settlement's consumer group is behind. */
  settlementLag: number | null;
  /** Bill reads through the gateway over the last interval; null: none (or no figures). */
  billReadP50Ms: number | null;
  billReadP95Ms: number | null;
}

export interface OpsCharts {
  /** The server's time now: the charts' right edge. */
  at: string;
  intervalSeconds: number;
  windowSeconds: number;
  samples: ChartSample[];
}

export interface DeadLetterView {
  /** `partition:offset` in the dead-letter topic, as `npm run dlq` names it. */
  id: string;
  at: string;
  reason: string;
  original: { topic: string; partition: string; offset: string };
  key: string | null;
  /** The event's type when the value is an event envelope. */
  eventType: string | null;
  bytes: number;
}

export interface DeadLettersView {
  topic: string;
  /** Newest first, at most `shown` of `total`. */
  letters: DeadLetterView[];
  total: number;
}

export interface DeadLetterDetail extends DeadLetterView {
  /** The value as text (JSON pretty-printed). */
  value: string;
}

export interface ReplayRequest {
  /** Letters to send back; absent: every letter in the topic. */
  ids?: string[];
}

export interface ReplayResult {
  replayed: Array<{ id: string; topic: string }>;
  skipped: Array<{ id: string; why: string }>;
}

/** Every refusal or failure of /ops/*: `{ error: { code, message } }` with its status. */
export interface OpsError {
  error: { code: string; message: string };
}
