import { createEvent, toKafkaMessage } from '@tally/events';
import { listen, type Listening } from '@tally/service-kit';
import { eventually, uniqueName } from '@tally/testkit';
import { aPlan, nextPhone } from '../test/support/builders';
import { newTopic, openDb, testBus } from '../test/support/infra';
import { buildUserServer, signedAsGateway } from '../test/support/server';
import { readTopic } from '../test/support/topic-reader';
import { makeStores } from './store';
import type { OldSubscriptionDoc } from './store/migrations/old-layout';

/** createServer as main runs it: layout first, then the stores, the outbox as a worker. */
describe('the user subgraph server', () => {
  it('migrates an old database at build, serves the API and publishes through its outbox', async () => {
    const opened = await openDb('user-server');
    const bus = testBus();
    const topic = await newTopic(bus, 'user-server');
    const settlementTopic = uniqueName('user-server-settlement');
    // Layout 1 as the old code left it: a subscription in its own collection.
    await opened.db.collection<OldSubscriptionDoc>('subscriptions').insertOne({
      _id: 'old-sub',
      userId: 'old-user',
      planId: 'OLD',
      effectiveAt: new Date('2026-01-01T00:00:00Z'),
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const { settings, built } = await buildUserServer({
      db: opened.db,
      bus,
      groupPrefix: uniqueName('user-server'),
      // The settlement topic and the dead letters do not exist yet: the server creates them.
      topics: {
        users: topic,
        usage: uniqueName('user-server-usage'),
        settlement: settlementTopic,
        deadLetter: uniqueName('user-server-dead-letter'),
      },
    });
    const reader = await readTopic(bus, topic);
    let listening: Listening | undefined;
    try {
      const names = (await opened.db.listCollections()).map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['user_subscriptions', 'users', 'plans']));
      expect(names).not.toContain('subscriptions');

      listening = await listen(built.httpServer, '127.0.0.1', 0);
      for (const worker of built.workers ?? []) await worker.start();
      const signature = await signedAsGateway(settings);
      const gql = async (query: string, variables: Record<string, unknown>) => {
        const res = await fetch(`${listening!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await res.json()) as { data?: Record<string, { id: string }>; errors?: unknown[] };
      };
      const phone = nextPhone();
      const signedUp = await gql(
        'mutation ($phone: String!) { signUp(input: { name: "Kim", phone: $phone }) { id } }',
        { phone },
      );
      const id = signedUp.data?.signUp?.id;
      expect(id).toEqual(expect.any(String));
      const again = await gql(
        'mutation ($phone: String!) { signUp(input: { name: "Lee", phone: $phone }) { id } }',
        { phone },
      );
      expect(again.errors).toEqual([expect.objectContaining({ extensions: { code: 'CONFLICT' } })]);
      const found = await gql(
        'query ($phone: String!) { userByPhone(phone: $phone) { id plan { id } } }',
        {
          phone,
        },
      );
      expect(found.data).toEqual({ userByPhone: { id, plan: null } });

      await built.outbox.flush();
      await reader.waitFor('UserSignedUp', (e) => e.some((m) => m.subject === id));
      expect(reader.events.filter((m) => m.type === 'UserSignedUp')).toHaveLength(1);
      // What the outbox holds is in plain sight.
      const live = (await (await fetch(`${listening.url}/health/live`)).json()) as object;
      expect(live).toMatchObject({ status: 'live', outbox: { pending: 0, parked: 0 } });

      // Closed periods: 2026-01 by its schedule (billing defaults: Seoul, 3 grace days), and
      // 2099-01 by the PeriodClosed its consumer reads from the settlement topic.
      const plan = aPlan();
      await makeStores(opened.db).plans.insert(plan, 'test-intent');
      const subscribe = (effectiveAt: string) =>
        gql('mutation ($i: SubscribePlanInput!) { subscribePlan(input: $i) { id } }', {
          i: { userId: id, planId: plan.id, effectiveAt },
        });
      const refusal = (period: string, from: string) => ({
        data: null,
        errors: [
          expect.objectContaining({
            message: expect.stringMatching(
              `^period ${period} is closed: a subscription can take effect from ${from} on$`,
            ),
            extensions: { code: 'CONFLICT' },
          }),
        ],
      });
      expect(await subscribe('2026-01-31T23:59:59+09:00')).toEqual(
        refusal('2026-01', '\\d{4}-\\d{2}'),
      );

      const publisher = bus.publisher();
      await publisher.connect();
      const closed = {
        period: '2099-01',
        cutoff: '2099-02-01T00:00:00Z',
        closedAt: '2099-02-01T00:00:00Z',
        invoices: 0,
      };
      await publisher.publish([
        {
          topic: settlementTopic,
          ...toKafkaMessage(createEvent('PeriodClosed', closed.period, closed)),
        },
      ]);
      await publisher.disconnect();
      await eventually('2099-01 stored as closed', () =>
        opened.db
          .collection<{ _id: string }>('closed_periods')
          .findOne({ _id: closed.period })
          .then((d) => d ?? undefined),
      );
      expect(await subscribe('2099-01-15T00:00:00+09:00')).toEqual(refusal('2099-01', '2099-02'));
      expect(await subscribe('2099-02-01T00:00:00+09:00')).toEqual({
        data: { subscribePlan: { id: expect.any(String) } },
      });
    } finally {
      for (const worker of [...(built.workers ?? [])].reverse()) await worker.stop();
      await listening?.close(1000);
      await reader.stop();
      await opened.close();
    }
  });
});
