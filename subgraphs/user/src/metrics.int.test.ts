import { createEvent, toKafkaMessage } from '@tally/events';
import { listen, METRIC, type Listening } from '@tally/service-kit';
import { eventually, sampleValue, uniqueName } from '@tally/testkit';
import { nextPhone } from '../test/support/builders';
import { openDb, testBus } from '../test/support/infra';
import { buildUserServer, signedAsGateway } from '../test/support/server';
import { closedPeriodsGroupId } from './events/closed-periods-consumer';

/** The user subgraph's /metrics after real requests, a real outbox and a real consumer. */
describe("the user subgraph's /metrics", () => {
  it('counts GraphQL requests by operation and code, and shows the outbox, consumer lag and dead letters', async () => {
    const opened = await openDb('user-metrics');
    const bus = testBus();
    const groupPrefix = uniqueName('user-metrics');
    const topics = {
      users: uniqueName('user-metrics-users'),
      usage: uniqueName('user-metrics-usage'),
      settlement: uniqueName('user-metrics-settlement'),
      deadLetter: uniqueName('user-metrics-dead-letter'),
    };
    const { settings, built } = await buildUserServer({ db: opened.db, bus, groupPrefix, topics });
    const workers = built.workers ?? [];
    // The consumer waits until messages are on its topic, so its lag is first seen whole.
    const [consumers, others] = [
      workers.filter((w) => 'groupId' in w),
      workers.filter((w) => !('groupId' in w)),
    ];
    const publisher = bus.publisher();
    let listening: Listening | undefined;
    try {
      listening = await listen(built.httpServer, '127.0.0.1', 0);
      for (const worker of others) await worker.start();
      const scrape = async () => {
        const res = await fetch(`${listening!.url}/metrics`);
        expect(res.status).toBe(200);
        return res.text();
      };
      const signature = await signedAsGateway(settings);
      const gql = (query: string, variables: Record<string, unknown> = {}) =>
        fetch(`${listening!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
          body: JSON.stringify({ query, variables }),
        });

      // GraphQL: a named operation that succeeds, the same that conflicts, an anonymous one.
      const signUp =
        'mutation SignUp($phone: String!) { signUp(input: { name: "Kim", phone: $phone }) { id } }';
      const phone = nextPhone();
      await gql(signUp, { phone });
      await gql(signUp, { phone });
      await gql('{ plans { id } }');
      const afterRequests = await scrape();
      const requests = (operation: string, code: string) =>
        sampleValue(afterRequests, METRIC.graphqlRequests, { operation, code });
      expect(requests('SignUp', 'OK')).toBe(1);
      expect(requests('SignUp', 'CONFLICT')).toBe(1);
      expect(requests('anonymous', 'OK')).toBe(1);
      expect(
        sampleValue(afterRequests, `${METRIC.graphqlDuration}_count`, {
          operation: 'SignUp',
          code: 'OK',
          service: 'user-subgraph',
        }),
      ).toBe(1);

      // The outbox: the sign-up's intent is published and gone.
      await built.outbox.flush();
      const outbox = { collection: 'outbox' };
      await eventually('the outbox empty', async () => {
        const text = await scrape();
        return sampleValue(text, METRIC.outboxPending, outbox) === 0 ? text : undefined;
      }).then((text) => {
        expect(sampleValue(text, METRIC.outboxOldestAge, outbox)).toBe(0);
        expect(sampleValue(text, METRIC.outboxParked, outbox)).toBe(0);
      });

      // Two events and one message that is no event wait on the settlement topic.
      await publisher.connect();
      const closed = (period: string) =>
        toKafkaMessage(
          createEvent('PeriodClosed', period, {
            period,
            cutoff: '2099-02-01T00:00:00Z',
            closedAt: '2099-02-01T00:00:00Z',
            invoices: 0,
          }),
        );
      await publisher.publish([
        { topic: topics.settlement, ...closed('2099-01') },
        { topic: topics.settlement, key: 'poison', value: 'not an event' },
        { topic: topics.settlement, ...closed('2099-02') },
      ]);
      const lag = { group: closedPeriodsGroupId(groupPrefix), topic: topics.settlement };
      const before = await scrape();
      expect(sampleValue(before, METRIC.consumerLag, { ...lag, partition: '0' })).toBe(3);
      expect(sampleValue(before, METRIC.deadLettered, lag)).toBe(0);

      for (const worker of consumers) await worker.start();
      const after = await eventually('the consumer caught up', async () => {
        const text = await scrape();
        const caughtUp = sampleValue(text, METRIC.consumerLag, { ...lag, partition: '0' }) === 0;
        return caughtUp && sampleValue(text, METRIC.deadLetterTopicMessages) === 1
          ? text
          : undefined;
      });
      expect(sampleValue(after, METRIC.deadLettered, lag)).toBe(1);
      expect(sampleValue(after, METRIC.deadLetterTopicMessages, { topic: topics.deadLetter })).toBe(
        1,
      );
      expect(sampleValue(after, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    } finally {
      await publisher.disconnect();
      for (const worker of [...workers].reverse()) await worker.stop();
      await listening?.close(1000);
      await opened.close();
    }
  });
});
