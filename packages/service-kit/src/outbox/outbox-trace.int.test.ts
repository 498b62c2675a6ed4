import { SpanKind, trace, type SpanContext } from '@opentelemetry/api';
import { createEvent, toKafkaMessage, type TallyEvent } from '@tally/events';
import { recordSpansInMemory, type SpanRecorder } from '@tally/telemetry';
import { eventually, newTopic, silentLogger, uniqueName } from '@tally/testkit';
import { createHarness, type Harness, type Put } from '../../test/outbox-harness';
import type { OutboxEntry } from './outbox-types';

// Tracing on in this test process (spans kept in memory), over the real broker and database.
describe('a trace through the outbox and Kafka', () => {
  let spans: SpanRecorder;
  let h: Harness;
  beforeAll(() => (spans = recordSpansInMemory('outbox-trace-test')));
  afterAll(() => spans.stop());
  beforeEach(async () => (h = await createHarness()));
  afterEach(() => h.close());

  const usage = (usageId: string) =>
    createEvent('UsageRecorded', 'user-1', {
      usageId,
      userId: 'user-1',
      type: 'SMS',
      amount: 1,
      occurredAt: '2026-11-03T01:00:00.000Z',
      recordedAt: '2026-11-03T01:00:01.000Z',
    });
  const entry = (change: Put, event: TallyEvent): OutboxEntry<Put> => ({
    kind: 'put',
    change,
    messages: [{ topic: h.topic, ...toKafkaMessage(event) }],
  });

  /** A consumer group on the test's topic noting, per event, the span active in `apply`. */
  async function consumer() {
    const seen = new Map<string, SpanContext | undefined>();
    const group = uniqueName('traced');
    const consuming = h.bus.consume({
      groupId: group,
      topics: [h.topic],
      deadLetterTopic: await newTopic(h.bus, 'traced-dlq'),
      logger: silentLogger,
      apply: async (events) => {
        for (const e of events) seen.set(e.id, trace.getActiveSpan()?.spanContext());
      },
    });
    await consuming.start();
    /** The span context `apply` ran in for event `id`, once it ran. */
    const appliedIn = async (id: string) =>
      (await eventually(`the apply of ${id}`, async () => (seen.has(id) ? seen : undefined))).get(
        id,
      );
    return { seen, group, appliedIn, stop: () => consuming.stop() };
  }

  /** Writes an intent inside a span of its own, as a request would; its context and the id. */
  async function intendTraced(outbox: ReturnType<Harness['outbox']>, change: Put, e: TallyEvent) {
    return trace.getTracer('test').startActiveSpan('request', async (span) => {
      const [id] = await outbox.intend([entry(change, e)]);
      span.end();
      return { id: id!, request: span.spanContext() };
    });
  }

  const finished = (name: string) => spans.spans().filter((s) => s.name === name);

  it('stores the request context with the intent; the send and the apply continue it', async () => {
    const outbox = h.outbox({ graceMs: 60_000 });
    await outbox.start();
    const event = usage(uniqueName('u'));
    const { id, request } = await intendTraced(outbox, { key: 'a', value: 'v' }, event);

    const stored = await h.intents().findOne({ _id: id });
    expect(stored?.messages[0]?.headers).toMatchObject({
      traceparent: `00-${request.traceId}-${request.spanId}-01`,
      'event-id': event.id,
    });

    const c = await consumer();
    await h.put({ key: 'a', value: 'v' }, id);
    outbox.confirm([id]);
    expect((await c.appliedIn(event.id))?.traceId).toBe(request.traceId);
    await c.stop();

    const [send] = finished(`send ${h.topic}`);
    expect(send).toMatchObject({
      kind: SpanKind.PRODUCER,
      traceId: request.traceId,
      parentSpanId: request.spanId,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': h.topic },
    });
    const [processed] = finished(`process ${h.topic}`);
    expect(processed).toMatchObject({
      kind: SpanKind.CONSUMER,
      traceId: request.traceId,
      parentSpanId: send!.spanId,
      spanId: c.seen.get(event.id)?.spanId,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': h.topic,
        'messaging.destination.partition.id': '0',
        'messaging.consumer.group.name': c.group,
        'messaging.kafka.offset': 0,
        'messaging.message.id': event.id,
      },
    });
  });

  it('continues the trace of an intent a crash left, published later by another process’s sweep', async () => {
    const crashed = h.outbox();
    const event = usage(uniqueName('u'));
    const { request } = await intendTraced(crashed, { key: 'b', value: 'v' }, event);

    const c = await consumer();
    const restarted = h.outbox();
    await restarted.start(); // its sweep runs outside any request
    await restarted.flush();
    expect((await c.appliedIn(event.id))?.traceId).toBe(request.traceId);
    await c.stop();
    expect(finished(`send ${h.topic}`)).toContainEqual(
      expect.objectContaining({ traceId: request.traceId, parentSpanId: request.spanId }),
    );
  });

  it('applies events of different traces each inside its own, in order', async () => {
    const outbox = h.outbox({ graceMs: 60_000 });
    const events = [usage(uniqueName('u')), usage(uniqueName('u'))];
    const written = [];
    for (const [i, e] of events.entries())
      written.push(await intendTraced(outbox, { key: `k${i}`, value: 'v' }, e));
    const c = await consumer();
    await outbox.start();
    for (const [i, w] of written.entries()) await h.put({ key: `k${i}`, value: 'v' }, w.id);
    outbox.confirm(written.map((w) => w.id));
    for (const e of events) await c.appliedIn(e.id);
    await c.stop();
    expect(events.map((e) => c.seen.get(e.id)?.traceId)).toEqual(
      written.map((w) => w.request.traceId),
    );
  });
});
