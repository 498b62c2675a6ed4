import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeSDK } from '@opentelemetry/sdk-node';
import type { SpanRecorder } from './span-recorder';

/** The SDK with no instrumentation, keeping every span in memory as soon as it ends. */
export function startInMemory(serviceName: string): SpanRecorder {
  const exporter = new InMemorySpanExporter();
  const sdk = new NodeSDK({
    serviceName,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
    metricReaders: [],
    logRecordProcessors: [],
    autoDetectResources: false,
  });
  sdk.start();
  return {
    spans: () =>
      exporter.getFinishedSpans().map((s) => ({
        name: s.name,
        kind: s.kind,
        traceId: s.spanContext().traceId,
        spanId: s.spanContext().spanId,
        parentSpanId: s.parentSpanContext?.spanId,
        attributes: { ...s.attributes },
        links: s.links.map((l) => ({ traceId: l.context.traceId, spanId: l.context.spanId })),
        status: s.status.code,
      })),
    stop: () => sdk.shutdown(),
  };
}
