import { SpanKind, propagation, trace, type Span } from '@opentelemetry/api';
import type { OutgoingMessage } from '../messages';
import { MESSAGING, TRACER_NAME } from './semconv';
import { failed } from './span-failed';
import { contextOf } from './trace-context';

/**
 * Sends a batch inside one PRODUCER span per trace its messages carry (a `traceparent`
 * header, e.g. written with the outbox intent): each span is a child of that context, and its
 * messages leave with the span's own context, so a consumer continues the trace from the
 * send. Messages carrying no trace are sent as they are; without an SDK nothing is recorded.
 */
export async function sendTraced(
  batch: OutgoingMessage[],
  send: (batch: OutgoingMessage[]) => Promise<void>,
): Promise<void> {
  const byTrace = new Map<string, number[]>();
  batch.forEach((m, i) => {
    const parent = m.headers?.traceparent;
    if (parent) byTrace.set(parent, [...(byTrace.get(parent) ?? []), i]);
  });
  if (byTrace.size === 0) return send(batch);
  const tracer = trace.getTracer(TRACER_NAME);
  const out = [...batch];
  const spans: Span[] = [];
  for (const indexes of byTrace.values()) {
    const parent = contextOf(batch[indexes[0]!]!.headers);
    const topics = [...new Set(indexes.map((i) => batch[i]!.topic))].join(',');
    const span = tracer.startSpan(
      `send ${topics}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          [MESSAGING.system]: 'kafka',
          [MESSAGING.operationType]: 'send',
          [MESSAGING.operationName]: 'send',
          [MESSAGING.destination]: topics,
          [MESSAGING.batchCount]: indexes.length,
        },
      },
      parent,
    );
    spans.push(span);
    const sending = trace.setSpan(parent, span);
    for (const i of indexes) {
      // Copied first: with no SDK the propagator writes nothing and the old context stays.
      const headers = { ...batch[i]!.headers };
      propagation.inject(sending, headers);
      out[i] = { ...batch[i]!, headers };
    }
  }
  try {
    await send(out);
  } catch (err) {
    for (const span of spans) failed(span, err);
    throw err;
  } finally {
    for (const span of spans) span.end();
  }
}
