import { createConnection } from 'mongoose';
import { createEvent, toKafkaMessage, topicsSchema } from '@tally/events';
import { createLogger, createOutbox } from '@tally/service-kit';
import { eventually, mongoUrlFor } from '@tally/testkit';
import { usageRecorded } from '../subgraphs/usage/src/events/usage-events';
import { BASIC_30, billingApi, nextPhone, type UsageItem } from './support/billing-api';
import { e2eBus } from './support/message-bus';
import { createTestStack } from './support/test-stack';
import { consumedAll, topicMessages } from './support/topic-messages';

describe('settlement keeps every bill exact through crashes', () => {
  const stack = createTestStack();
  let api: ReturnType<typeof billingApi>;

  beforeAll(async () => {
    const { gateway } = await stack.startAll();
    api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
  });
  afterAll(() => stack.stopAll());

  it('the settlement consumer SIGKILLed mid-stream and restarted: every bill exact', async () => {
    const users = await Promise.all([1, 2, 3].map((n) => api.signUp(`Crash ${n}`, nextPhone())));
    for (const u of users) await api.subscribe(u, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    const perUser = 1500;
    const items: UsageItem[] = users.flatMap((userId, u) =>
      Array.from({ length: perUser }, (_, i) => ({
        id: `${stack.tag}-c${u}-${i}`,
        userId,
        type: 'DATA' as const,
        amount: 1 + (i % 3),
        occurredAt: new Date(Date.UTC(2026, 10, 1 + (i % 25), 3, 0, i % 60)).toISOString(),
      })),
    );
    const batches = Array.from({ length: Math.ceil(items.length / 1000) }, (_, b) =>
      items.slice(b * 1000, b * 1000 + 1000),
    );
    await api.recordUsages(batches[0]!);
    await stack.kill('settlement'); // most likely in the middle of consuming the first batch
    for (const batch of batches.slice(1))
      expect((await api.recordUsages(batch)).accepted).toBe(batch.length);
    await stack.start('settlement');

    const expectedData = Array.from({ length: perUser }, (_, i) => 1 + (i % 3)).reduce(
      (a, b) => a + b,
      0,
    );
    for (const u of users) {
      const bill = await api.waitForBill(
        u,
        '2026-11',
        (b) => b.eventsApplied === perUser + 1,
        60_000,
      );
      expect(bill.usage.dataMb).toBe(expectedData);
      expect(bill.total).toBe(30000 + Math.max(0, expectedData - 1000) * 20);
    }
  });

  it('the usage service dead between its outbox intent and publishing: the events still go out, counted once', async () => {
    const userId = await api.signUp('Outbox', nextPhone());
    await api.subscribe(userId, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    const published = {
      id: `${stack.tag}-pub`,
      userId,
      type: 'SMS' as const,
      amount: 3,
      occurredAt: '2026-11-04T10:00:00+09:00',
    };
    const unsentId = `${stack.tag}-unsent`;
    await api.recordUsages([published]);
    await api.waitForBill(userId, '2026-11', (b) => b.eventsApplied === 2);

    await stack.kill('usage');
    // What a crash leaves behind: an intent whose record was never written (died right after
    // the intent), and an intent its record carries whose event went out already (died
    // after publishing, before the intent was deleted).
    const db = await createConnection(mongoUrlFor(`e2e_${stack.tag}_usage`)).asPromise();
    try {
      const topics = topicsSchema.parse({
        users: `e2e-${stack.tag}.user.events.v1`,
        usage: `e2e-${stack.tag}.usage.events.v1`,
        deadLetter: `e2e-${stack.tag}.dead-letter.v1`,
      });
      const outbox = createOutbox({
        db,
        publisher: e2eBus('e2e-outbox').publisher(),
        logger: createLogger('e2e-outbox', 'warn'),
        redo: {},
      });
      const unsent = {
        id: unsentId,
        userId,
        type: 'SMS' as const,
        amount: 4,
        occurredAt: new Date('2026-11-05T10:00:00+09:00'),
        recordedAt: new Date(),
      };
      const records = db.collection<{
        _id: string;
        userId: string;
        type: 'SMS';
        amount: number;
        occurredAt: Date;
        recordedAt: Date;
        outboxId: string;
      }>('usage_records');
      const { _id, outboxId: _, ...stored } = (await records.findOne({ _id: published.id }))!;
      const again = { id: _id, ...stored };
      const [, republish] = await outbox.intend(
        [unsent, again].map((r) => ({
          kind: 'usage-record',
          change: r,
          messages: [usageRecorded(topics, r)],
        })),
      );
      await records.updateOne({ _id: published.id }, { $set: { outboxId: republish! } });
    } finally {
      await db.close();
    }

    await stack.start('usage'); // its outbox sweep finishes both intents
    const usageTopic = `e2e-${stack.tag}.usage.events.v1`;
    const publishedIds = async () =>
      (await topicMessages(usageTopic)).map(
        (value) => (JSON.parse(value) as { data: { usageId: string } }).data.usageId,
      );
    const ids = await eventually('the sweep publishing both intents', async () => {
      const now = await publishedIds();
      const done = now.filter((id) => id === published.id).length >= 2 && now.includes(unsentId);
      return done ? now : undefined;
    });
    // The event whose intent outlived it went out again (at least once); the one never sent
    // went out once. Settlement, having applied all of it, counts each usage once.
    expect(ids.filter((id) => id === published.id)).toHaveLength(2);
    expect(ids.filter((id) => id === unsentId)).toHaveLength(1);
    await consumedAll(`e2e-${stack.tag}.settlement.facts.v1`, usageTopic);
    const settled = await api.bill(userId, '2026-11');
    expect(settled.usage.smsCount).toBe(7);
    expect(settled.eventsApplied).toBe(3);
  });

  it('a message that can never be processed goes to the dead-letter topic with its reason; the stream goes on', async () => {
    const userId = await api.signUp('Poison', nextPhone());
    await api.subscribe(userId, 'BASIC-30', '2026-10-01T00:00:00+09:00');
    const bus = e2eBus('e2e-poison');
    const publisher = bus.publisher();
    await publisher.connect();
    try {
      const topic = `e2e-${stack.tag}.usage.events.v1`;
      const good = createEvent('UsageRecorded', userId, {
        usageId: `${stack.tag}-after-poison`,
        userId,
        type: 'VOICE',
        amount: 42,
        occurredAt: '2026-11-06T10:00:00+09:00',
        recordedAt: new Date().toISOString(),
      });
      await publisher.publish([
        { topic, key: userId, value: '{not json' },
        {
          topic,
          key: userId,
          value: JSON.stringify({
            ...good,
            id: 'not-a-uuid',
            data: { ...good.data, amount: -1 },
          }),
        },
        { topic, ...toKafkaMessage(good) },
      ]);
      const bill = await api.waitForBill(userId, '2026-11', (b) => b.usage.voiceSeconds === 42);
      expect(bill.eventsApplied).toBe(2);

      const reasons = await eventually('two dead letters', async () => {
        const letters = await bus.readTopicToEnd(`e2e-${stack.tag}.dead-letter.v1`);
        const seen = letters.map((m) => m.headers['dead-letter-reason'] ?? '');
        return seen.length >= 2 ? seen : undefined;
      });
      expect(reasons[0]).toMatch(/not JSON/);
      expect(reasons[1]).toMatch(/invalid UsageRecorded/);
    } finally {
      await publisher.disconnect();
    }
  });
});
