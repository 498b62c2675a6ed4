import { SpanStatusCode, type Span } from '@opentelemetry/api';

/** Marks a span failed with the error, before it ends. */
export function failed(span: Span, err: unknown): void {
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({
    code: SpanStatusCode.ERROR,
    message: err instanceof Error ? err.message : String(err),
  });
}
