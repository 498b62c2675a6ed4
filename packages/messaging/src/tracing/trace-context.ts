import { ROOT_CONTEXT, context, propagation, type Context } from '@opentelemetry/api';

/**
 * The W3C trace context (`traceparent`, `tracestate`) rides in Kafka message headers. Only
 * the OpenTelemetry API is used here: without an SDK in the process (tracing off) every call
 * is a no-op, so none of this costs anything.
 */

/** Whether a propagator is installed (an SDK started): else there is nothing to carry. */
export const tracingActive = (): boolean => propagation.fields().length > 0;

/** The active context as headers: `{}` when tracing is off or no span is active. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(ctx, headers);
  return headers;
}

/** The context a message's headers carry (the root context when they carry none). */
export const contextOf = (headers: Record<string, string> | undefined): Context =>
  headers ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;

/**
 * The messages with the active trace context added to their headers, so an event written
 * now (to an outbox, say) and published later continues this trace. Unchanged when there is
 * no context to carry.
 */
export function withTraceContext<M extends { headers?: Record<string, string> }>(
  messages: M[],
): M[] {
  const trace = traceHeaders();
  if (Object.keys(trace).length === 0) return messages;
  return messages.map((m) => ({ ...m, headers: { ...m.headers, ...trace } }));
}
