import { SpanKind, trace, type Attributes } from '@opentelemetry/api';
import type { ReceivedMessage } from '../messages';
import { MESSAGING, TRACER_NAME } from './semconv';
import { failed } from './span-failed';
import { contextOf, tracingActive } from './trace-context';

/**
 * Consecutive runs of items whose messages carry the same trace context, in order, so each
 * run can be applied inside its own trace. With tracing off, one run: the batch as it came.
 */
export function runsByTrace<T>(items: T[], messageOf: (item: T) => ReceivedMessage): T[][] {
  if (!tracingActive() || items.length === 0) return items.length ? [items] : [];
  const runs: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const parent = messageOf(item).headers.traceparent;
    if (runs.length === 0 || parent !== last) runs.push([item]);
    else runs[runs.length - 1]!.push(item);
    last = parent;
  }
  return runs;
}

/**
 * Runs `apply` for messages of one partition (one run of `runsByTrace`) inside a CONSUMER
 * span that continues the trace their headers carry, with the messaging conventions'
 * attributes (system, destination, partition, offset, group); nothing without an SDK.
 */
export async function inProcessSpan<R>(
  where: { groupId: string; topic: string; partition: number; messages: ReceivedMessage[] },
  apply: () => Promise<R>,
): Promise<R> {
  const first = where.messages[0];
  if (!first || !tracingActive()) return apply();
  const attributes: Attributes = {
    [MESSAGING.system]: 'kafka',
    [MESSAGING.operationType]: 'process',
    [MESSAGING.operationName]: 'process',
    [MESSAGING.destination]: where.topic,
    [MESSAGING.partition]: String(where.partition),
    [MESSAGING.group]: where.groupId,
    [MESSAGING.offset]: Number(first.offset),
  };
  if (where.messages.length > 1) attributes[MESSAGING.batchCount] = where.messages.length;
  else if (first.headers['event-id']) attributes[MESSAGING.messageId] = first.headers['event-id'];
  return trace
    .getTracer(TRACER_NAME)
    .startActiveSpan(
      `process ${where.topic}`,
      { kind: SpanKind.CONSUMER, attributes },
      contextOf(first.headers),
      async (span) => {
        try {
          return await apply();
        } catch (err) {
          failed(span, err);
          throw err;
        } finally {
          span.end();
        }
      },
    );
}
