import { randomBytes } from 'node:crypto';
import { WaitTimedOut, waitUntil } from '@tally/retry';
import {
  SPAN_KIND,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from '../packages/telemetry/test/otlp-receiver';
import { BASIC_30, billingApi, nextPhone } from './support/billing-api';
import { createTestStack, type TestStack } from './support/test-stack';
import { describeTrace, traceTree } from './support/trace-tree';

const MONGO = '@opentelemetry/instrumentation-mongodb';

// This file's stack exports its traces to a collector the test runs (OTLP/HTTP, JSON).
describe('one trace from recordUsages at the gateway to settlement applying the event', () => {
  let receiver: OtlpReceiver;
  let stack: TestStack;
  let gatewayUrl: string;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    stack = createTestStack({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
    gatewayUrl = (await stack.startAll()).gateway.url;
  });
  afterAll(async () => {
    await stack?.stopAll();
    await receiver?.close();
  });

  /** Waits until the trace holds spans passing `done`; fails showing the trace as it stands. */
  async function traceOf(traceId: string, done: (spans: ReceivedSpan[]) => boolean) {
    const spans = () => receiver.spans().filter((s) => s.traceId === traceId);
    try {
      await waitUntil(() => (done(spans()) ? true : undefined), {
        // Long enough for a loaded 2-core machine: the outbox sweep, the consumer and the
        // exporters' batches all lie between the request and the last span.
        deadlineMs: 90_000,
        intervalMs: 100,
      });
    } catch (err) {
      if (err instanceof WaitTimedOut)
        throw new Error(`the trace never completed:\n${describeTrace(spans())}`);
      throw err;
    }
    return traceTree(spans());
  }

  it('runs through the gateway, the usage subgraph, MongoDB, the Kafka send and settlement’s apply', async () => {
    const api = billingApi(gatewayUrl);
    await api.createPlan(BASIC_30);
    const userId = await api.signUp('Traced', nextPhone());
    const token = await stack.token('admin');
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const usageTopic = `e2e-${stack.tag}.usage.events.v1`;

    const res = await fetch(`${gatewayUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        traceparent: `00-${traceId}-${callerSpanId}-01`,
      },
      body: JSON.stringify({
        query: 'mutation($i: [RecordUsageInput!]!) { recordUsages(input: $i) { accepted } }',
        variables: {
          i: [
            {
              id: `${stack.tag}-traced`,
              userId,
              type: 'SMS',
              amount: 1,
              occurredAt: '2026-11-04T10:00:00+09:00',
            },
          ],
        },
      }),
    });
    expect(await res.json()).toEqual({ data: { recordUsages: { accepted: 1 } } });

    const isApply = (s: ReceivedSpan) =>
      s.service === 'settlement-subgraph' && s.kind === SPAN_KIND.consumer;
    // Each process exports its spans in its own batches, in no set order: wait for every span
    // checked below, not only for the last step (the gateway's own span can come after it).
    const has = (spans: ReceivedSpan[], service: string, kind: number) =>
      spans.some((s) => s.service === service && s.kind === kind);
    const tree = await traceOf(traceId, (spans) => {
      const applies = spans.filter(isApply);
      return (
        has(spans, 'gateway', SPAN_KIND.server) &&
        has(spans, 'gateway', SPAN_KIND.client) &&
        has(spans, 'usage-subgraph', SPAN_KIND.server) &&
        has(spans, 'usage-subgraph', SPAN_KIND.producer) &&
        spans.some((s) => s.service === 'usage-subgraph' && s.scope === MONGO) &&
        applies.some((a) => spans.some((s) => s.scope === MONGO && s.parentSpanId === a.spanId))
      );
    });

    // The gateway continues the caller's trace, and calls the usage subgraph within it.
    const [gateway] = tree.find((s) => s.service === 'gateway' && s.kind === SPAN_KIND.server);
    expect(gateway?.parentSpanId).toBe(callerSpanId);
    const [usage] = tree.find(
      (s) => s.service === 'usage-subgraph' && s.kind === SPAN_KIND.server,
      gateway!.spanId,
    );
    expect(tree.parentOf(usage!)).toMatchObject({ service: 'gateway', kind: SPAN_KIND.client });

    // The usage subgraph writes to MongoDB and sends the event, both within its request.
    const usageWrites = tree.find(
      (s) => s.service === 'usage-subgraph' && s.scope === MONGO,
      usage!.spanId,
    );
    expect(usageWrites.length).toBeGreaterThan(0);
    const [send] = tree.find(
      (s) => s.service === 'usage-subgraph' && s.kind === SPAN_KIND.producer,
      usage!.spanId,
    );
    expect(send).toMatchObject({
      name: `send ${usageTopic}`,
      attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': usageTopic },
    });

    // Settlement applies it in a child of the send, and its MongoDB writes are within.
    const [apply] = tree.find(isApply);
    expect(apply).toMatchObject({
      parentSpanId: send!.spanId,
      name: `process ${usageTopic}`,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.operation.type': 'process',
        'messaging.destination.name': usageTopic,
        'messaging.destination.partition.id': expect.any(String),
        'messaging.kafka.offset': expect.any(Number),
        'messaging.consumer.group.name': expect.stringContaining('settlement'),
      },
    });
    expect(tree.find((s) => s.scope === MONGO, apply!.spanId).length).toBeGreaterThan(0);

    // Nothing secret is exported: no header, no token.
    expect(receiver.raw()).not.toContain(token);
    expect(receiver.raw().toLowerCase()).not.toContain('authorization');
    expect(receiver.refused()).toEqual([]);
  });
});
