import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { recordSpansInMemory, type SpanRecorder } from '@tally/telemetry';
import type { OutgoingMessage, ReceivedMessage } from '../messages';
import { runsByTrace } from './process-span';
import { sendTraced } from './publish-spans';
import { traceHeaders } from './trace-context';

describe('trace context with tracing on', () => {
  let spans: SpanRecorder;
  beforeAll(() => (spans = recordSpansInMemory()));
  afterAll(() => spans.stop());

  /** The headers of a context of its own, as a request's span would give. */
  const newTrace = () => {
    const span = trace.getTracer('test').startSpan('request');
    span.end();
    return traceHeaders(trace.setSpan(ROOT_CONTEXT, span));
  };
  const message = (value: string, headers?: Record<string, string>): OutgoingMessage => ({
    topic: 'tally.usage.events.v1',
    key: 'k',
    value,
    ...(headers && { headers }),
  });

  it('applies consecutive events of one trace together, in order', () => {
    const [a, b] = [newTrace(), newTrace()];
    const received = [a, a, b, a, {}].map(
      (headers, i) => ({ offset: String(i), headers }) as unknown as ReceivedMessage,
    );
    expect(runsByTrace(received, (m) => m).map((run) => run.map((m) => m.offset))).toEqual([
      ['0', '1'],
      ['2'],
      ['3'],
      ['4'],
    ]);
  });

  it('sends inside one PRODUCER span per trace; its messages leave with that span', async () => {
    const [a, b] = [newTrace(), newTrace()];
    const sent: OutgoingMessage[] = [];
    await sendTraced(
      [message('1', a), message('2', b), message('3', a), message('4')],
      async (m) => void sent.push(...m),
    );
    const sends = spans.spans().filter((s) => s.kind === SpanKind.PRODUCER);
    const ofA = sends.find((s) => a.traceparent!.includes(s.traceId))!;
    expect(ofA.attributes).toMatchObject({
      'messaging.system': 'kafka',
      'messaging.destination.name': 'tally.usage.events.v1',
      'messaging.batch.message_count': 2,
    });
    expect(a.traceparent).toContain(ofA.parentSpanId);
    expect(sent.map((m) => m.headers?.traceparent)).toEqual([
      `00-${ofA.traceId}-${ofA.spanId}-01`,
      expect.stringContaining(b.traceparent!.slice(3, 35)),
      `00-${ofA.traceId}-${ofA.spanId}-01`,
      undefined,
    ]);
  });

  it('marks the send failed when the broker refuses it, and rethrows', async () => {
    const a = newTrace();
    const refused = new Error('refused');
    await expect(
      sendTraced([message('x', a)], async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    const failed = spans
      .spans()
      .find((s) => s.kind === SpanKind.PRODUCER && a.traceparent!.includes(`-${s.parentSpanId}-`));
    expect(failed?.status).toBe(SpanStatusCode.ERROR);
  });
});
