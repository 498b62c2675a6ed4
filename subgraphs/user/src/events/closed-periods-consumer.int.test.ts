import { createEvent, toKafkaMessage, topicsSchema, type EventData } from '@tally/events';
import { eventually, uniqueName } from '@tally/testkit';
import { nextPhone } from '../../test/support/builders';
import { logger, newTopic } from '../../test/support/infra';
import { startUserDeps, type StartedUserDeps } from '../../test/support/subgraph';
import { makeStores } from '../store';
import type { ClosedPeriodDoc } from '../store/closed-period-model';
import { makeCreatePlan } from '../use-cases/create-plan';
import { makeSignUp } from '../use-cases/sign-up';
import { makeSubscribePlan } from '../use-cases/subscribe-plan';
import { createClosedPeriodsConsumer } from './closed-periods-consumer';

/** In 2026-10's grace days: its scheduled close (2026-11-04T00:00+09:00) is still ahead. */
const NOW = new Date('2026-11-02T12:00:00+09:00');
const IN_OCTOBER = new Date('2026-10-20T00:00:00+09:00');

describe('periods closed by settlement, over real Kafka and Mongo', () => {
  let env: StartedUserDeps;
  let settlementTopic: string;
  let consumer: ReturnType<typeof createClosedPeriodsConsumer>;
  let subscribePlan: ReturnType<typeof makeSubscribePlan>;
  let signUp: ReturnType<typeof makeSignUp>;

  beforeAll(async () => {
    env = await startUserDeps('user-closed-periods', { now: () => NOW });
    settlementTopic = await newTopic(env.bus, 'user-closed-periods-settlement');
    consumer = createClosedPeriodsConsumer({
      bus: env.bus,
      groupPrefix: uniqueName('user-closed-periods'),
      topics: topicsSchema.parse({
        users: env.topic,
        settlement: settlementTopic,
        deadLetter: await newTopic(env.bus, 'user-closed-periods-dead-letter'),
      }),
      closedPeriods: env.stores.closedPeriods,
      logger,
    });
    await consumer.start();
    signUp = makeSignUp(env.deps);
    subscribePlan = makeSubscribePlan(env.deps);
    await makeCreatePlan(env.deps)({
      id: 'BASIC-30',
      name: 'Basic',
      monthlyFee: 30000,
      allowance: { dataMb: 1000 },
      overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
    });
  });
  afterAll(async () => {
    await consumer.stop();
    await env.close();
  });

  /** Publishes PeriodClosed events as settlement does: keyed by the period. */
  const publishClosed = async (...closed: Array<EventData<'PeriodClosed'>>) => {
    const publisher = env.bus.publisher();
    await publisher.connect();
    try {
      await publisher.publish(
        closed.map((data) => ({
          topic: settlementTopic,
          ...toKafkaMessage(createEvent('PeriodClosed', data.period, data)),
        })),
      );
    } finally {
      await publisher.disconnect();
    }
  };
  const stored = (period: string) =>
    env.db.collection<ClosedPeriodDoc>('closed_periods').findOne({ _id: period });
  const planSubscribedOf = (userId: string) =>
    env.topicReader.events.filter((e) => e.subject === userId && e.type === 'PlanSubscribed');

  it('refuses subscribePlan into a period once its PeriodClosed is consumed, before its schedule', async () => {
    const user = await signUp({ name: 'Kim', phone: nextPhone() });
    // Open until settlement says otherwise (asked without subscribing: a success would be stored).
    await expect(env.stores.closedPeriods.closedAmong(['2026-10'])).resolves.toEqual(new Set());

    const closed = {
      period: '2026-10',
      cutoff: '2026-11-02T03:00:00.000Z',
      closedAt: '2026-11-02T03:00:01.000Z',
      invoices: 2,
    };
    // Delivered twice, the second with other figures: the first record stays.
    await publishClosed(closed, { ...closed, invoices: 99 });
    await eventually('both PeriodClosed applied', async () =>
      consumer.applied() >= 2 ? true : undefined,
    );
    await expect(stored('2026-10')).resolves.toEqual({
      _id: '2026-10',
      cutoff: new Date(closed.cutoff),
      closedAt: new Date(closed.closedAt),
      invoices: 2,
    });

    await env.outbox.flush();
    await expect(
      subscribePlan({ userId: user.id, planId: 'BASIC-30', effectiveAt: IN_OCTOBER }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'period 2026-10 is closed: a subscription can take effect from 2026-11 on',
    });
    // Nothing stored, nothing owed to the users topic.
    await expect(env.outbox.pending()).resolves.toBe(0);
    expect((await env.stores.subscriptions.ofUsers([user.id])).size).toBe(0);

    // Another instance, with nothing in memory, finds it with a key lookup.
    const commandsBefore = env.commands.length;
    const fresh = makeStores(env.db).closedPeriods;
    await expect(fresh.closedAmong(['2026-10', '2026-11'])).resolves.toEqual(new Set(['2026-10']));
    const finds = env.commands.slice(commandsBefore).filter((c) => c.name === 'find');
    expect(finds).toEqual([
      {
        name: 'find',
        collection: 'closed_periods',
        filter: { _id: { $in: ['2026-10', '2026-11'] } },
      },
    ]);

    // A subscription into the open period still goes through, and is published once.
    const inNovember = new Date('2026-11-05T00:00:00+09:00');
    const sub = await subscribePlan({
      userId: user.id,
      planId: 'BASIC-30',
      effectiveAt: inNovember,
    });
    expect((await env.stores.subscriptions.ofUsers([user.id])).get(user.id)).toEqual([sub]);
    await env.topicReader.waitFor('PlanSubscribed', () => planSubscribedOf(user.id).length > 0);
    expect(planSubscribedOf(user.id)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ subscriptionId: sub.id }) }),
    ]);
  });
});
