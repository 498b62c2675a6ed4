import type { ReceivedSpan } from '../../packages/telemetry/test/otlp-receiver';

/** The spans of one trace, asked about their family ties. */
export function traceTree(spans: ReceivedSpan[]) {
  const byId = new Map(spans.map((s) => [s.spanId, s]));
  /** Whether `span` descends from the span `ancestorId` (a span received or a remote parent). */
  function descends(span: ReceivedSpan, ancestorId: string): boolean {
    for (let at = span.parentSpanId; at; at = byId.get(at)?.parentSpanId)
      if (at === ancestorId) return true;
    return false;
  }
  return {
    spans,
    /** The spans matching `test` that descend from `ancestorId` (any, when not given). */
    find: (test: (s: ReceivedSpan) => boolean, ancestorId?: string) =>
      spans.filter((s) => test(s) && (!ancestorId || descends(s, ancestorId))),
    parentOf: (span: ReceivedSpan) => byId.get(span.parentSpanId ?? ''),
    descends,
  };
}

/** For failures: the trace as one line per span (service, kind, name, its id and parent's). */
export const describeTrace = (spans: ReceivedSpan[]) =>
  spans.map((s) => `${s.service} k${s.kind} ${s.name} ${s.spanId}<-${s.parentSpanId}`).join('\n');
