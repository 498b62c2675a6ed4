import type { Attributes, SpanKind, SpanStatusCode } from '@opentelemetry/api';

/** A finished span as plain data, for tests. */
export interface RecordedSpan {
  name: string;
  kind: SpanKind;
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Attributes;
  links: Array<{ traceId: string; spanId: string }>;
  status: SpanStatusCode;
}

/** Tracing on in this process, every span kept in memory: for tests of propagation. */
export interface SpanRecorder {
  spans(): RecordedSpan[];
  stop(): Promise<void>;
}
