import { DEFAULT_ROLE_SCOPES, signInternalToken } from '@tally/auth';
import {
  connectMongo,
  createRegistryClient,
  listen,
  type BuiltSubgraph,
  type Listening,
} from '@tally/service-kit';
import { kafkaBrokers, mongoUrl, uniqueName } from '@tally/testkit';
import type { Connection } from 'mongoose';
import { BASIC } from '../test/billing-fixtures';
import { planSubscribed, usageRecorded } from '../test/support/events';
import { eventually, logger, openMessaging, publishEvents } from '../test/support/infra';
import { loadConfig } from './config';
import { createServer, schema } from './server';

interface Answer {
  data?: {
    _entities?: Array<{ id: string; bill: { total: number; usage: { smsCount: number } } }>;
  };
  errors?: Array<{ extensions?: { code?: string } }>;
}

describe('the settlement subgraph over real Kafka and Mongo', () => {
  let db: Connection;
  let built: BuiltSubgraph;
  let listening: Listening;
  let messaging: Awaited<ReturnType<typeof openMessaging>>;
  let secret: string;

  beforeAll(async () => {
    messaging = await openMessaging('settlement-server');
    const settings = await loadConfig({
      port: 0,
      mongo: { url: mongoUrl(), database: uniqueName('settlement-server') },
      kafka: { brokers: kafkaBrokers(), groupPrefix: messaging.groupPrefix },
      topics: messaging.topics,
      log: { level: 'silent' },
      // Periods close by hand here: the schedule would close this test's months as time passes.
      billing: { autoClose: false },
    });
    secret = settings.internalAuth.secret;
    db = await connectMongo(settings.mongo.url, settings.mongo.database, logger);
    const registry = createRegistryClient({
      registryUrl: 'http://127.0.0.1:9', // never started: this test talks to the subgraph directly
      token: settings.registry.token,
      subgraph: 'settlement',
      url: '',
      sdl: schema.sdl,
      heartbeatSeconds: 10,
      logger,
    });
    built = await createServer({ settings, logger, db, bus: messaging.bus, registry });
    listening = await listen(built.httpServer, '127.0.0.1', 0);
    for (const worker of built.workers ?? []) await worker.start();
  });
  afterAll(async () => {
    await listening.close(0);
    for (const worker of [...(built.workers ?? [])].reverse()) await worker.stop();
    await db.dropDatabase();
    await db.close();
  });

  /** A call signed as the gateway signs an agent's. */
  const query = async (q: string, variables: object = {}): Promise<Answer> => {
    const signature = await signInternalToken({
      secret,
      caller: 'gateway',
      audience: 'settlement',
      identity: { authenticated: true, scopes: new Set(DEFAULT_ROLE_SCOPES.agent) },
    });
    const res = await fetch(`${listening.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
      body: JSON.stringify({ query: q, variables }),
    });
    return (await res.json()) as Answer;
  };

  it('answers the bills of a page of users, from the events it consumed', async () => {
    const users = ['srv-1', 'srv-2', 'srv-3'];
    await publishEvents(
      messaging.bus,
      messaging.topics.users,
      users.map((userId) =>
        planSubscribed({
          subscriptionId: `${userId}-s`,
          userId,
          effectiveAt: '2026-10-01T00:00:00+09:00',
          plan: BASIC,
        }),
      ),
    );
    await publishEvents(
      messaging.bus,
      messaging.topics.usage,
      users.map((userId, i) =>
        usageRecorded({
          usageId: `${userId}-u`,
          userId,
          type: 'SMS',
          amount: i + 1,
          occurredAt: '2026-11-03T10:00:00+09:00',
        }),
      ),
    );

    const page = `query ($reps: [_Any!]!) {
      _entities(representations: $reps) { ... on User { id bill(period: "2026-11") { total usage { smsCount } } } }
    }`;
    const reps = users.map((id) => ({ __typename: 'User', id }));
    const answer = await eventually('every bill', async () => {
      const a = await query(page, { reps });
      return a.data?._entities?.every((e) => e.bill.usage.smsCount > 0) ? a : undefined;
    });
    expect(answer.data?._entities?.map((e) => [e.id, e.bill.total, e.bill.usage.smsCount])).toEqual(
      [
        ['srv-1', 30000, 1],
        ['srv-2', 30000, 2],
        ['srv-3', 30000, 3],
      ],
    );
  });

  it('answers BAD_USER_INPUT for a malformed period', async () => {
    const answer = await query('{ bill(userId: "srv-1", period: "2026-13") { total } }');
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
