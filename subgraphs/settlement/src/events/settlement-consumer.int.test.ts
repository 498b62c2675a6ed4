import type { TallyEvent } from '@tally/events';
import { BASIC } from '../../test/billing-fixtures';
import { planSubscribed, usageRecorded } from '../../test/support/events';
import { eventually, logger, openDb, openMessaging, publishEvents } from '../../test/support/infra';
import type { BillStateStore } from '../domain/ports';
import { openBillState } from '../store/open-bill-state';
import { makeApplyEvents } from '../use-cases/apply-events';
import { makeBillOf } from '../use-cases/bill-of';
import { createSettlementConsumer } from './settlement-consumer';
import { settlementOf } from '../../test/support/settlement';

const SEOUL = 'Asia/Seoul';

describe('the settlement consumer over real Kafka', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let messaging: Awaited<ReturnType<typeof openMessaging>>;
  let store: BillStateStore;
  let consumer: ReturnType<typeof createSettlementConsumer>;

  beforeAll(async () => {
    opened = await openDb('settlement-consumer');
    messaging = await openMessaging('settlement-consumer');
    store = await openBillState(opened.db, { timeZone: SEOUL, logger });
    consumer = createSettlementConsumer({
      bus: messaging.bus,
      groupPrefix: messaging.groupPrefix,
      topics: messaging.topics,
      applyFacts: makeApplyEvents(settlementOf(opened.db, store, { now: () => new Date() })),
      logger,
    });
    await consumer.start();
  });
  afterAll(async () => {
    await consumer.stop();
    await opened.close();
  });

  const publish = (topic: string, events: TallyEvent[]) =>
    publishEvents(messaging.bus, topic, events);

  it('applies published subscriptions and usage: the bill appears, a redelivered event counted once', async () => {
    const userId = 'user-kafka';
    const usage = [1, 2, 3].map((n) =>
      usageRecorded({
        usageId: `k.${n}`,
        userId,
        type: 'DATA',
        amount: 500 * n,
        occurredAt: `2026-11-0${n}T10:00:00+09:00`,
      }),
    );
    await publish(messaging.topics.users, [
      planSubscribed({
        subscriptionId: 'ks-1',
        userId,
        effectiveAt: '2026-10-01T00:00:00+09:00',
        plan: BASIC,
      }),
    ]);
    await publish(messaging.topics.usage, [...usage, usage[0]!]);

    const billOf = makeBillOf(settlementOf(opened.db, store));
    const bill = await eventually('the bill of every event', async () => {
      const [b] = await billOf([{ userId, period: '2026-11' }]);
      return b && !(b instanceof Error) && b.eventsApplied === 4 ? b : undefined;
    });
    expect(bill.usage.dataMb).toBe(3000);
    expect(bill.total).toBe(30000 + 2000 * 20);
    expect(consumer.applied()).toBeGreaterThanOrEqual(5);
  });
});
