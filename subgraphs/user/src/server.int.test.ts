import { DEFAULT_ROLE_SCOPES, signInternalToken } from '@tally/auth';
import { createRegistryClient, listen, type Listening } from '@tally/service-kit';
import { kafkaBrokers, mongoUrl } from '@tally/testkit';
import { nextPhone } from '../test/support/builders';
import { logger, newTopic, openDb, testBus } from '../test/support/infra';
import { readTopic } from '../test/support/topic-reader';
import { settingsSchema } from './config';
import type { OldSubscriptionDoc } from './store/migrations/old-layout';
import { createServer, schema } from './server';

/** createServer as main runs it: layout first, then the stores, the outbox as a worker. */
describe('the user subgraph server', () => {
  it('migrates an old database at build, serves the API and publishes through its outbox', async () => {
    const opened = await openDb('user-server');
    const bus = testBus();
    const topic = await newTopic(bus, 'user-server');
    // Layout 1 as the old code left it: a subscription in its own collection.
    await opened.db.collection<OldSubscriptionDoc>('subscriptions').insertOne({
      _id: 'old-sub',
      userId: 'old-user',
      planId: 'OLD',
      effectiveAt: new Date('2026-01-01T00:00:00Z'),
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    const settings = settingsSchema.parse({
      profile: 'test',
      host: '127.0.0.1',
      port: 0,
      log: { level: 'silent' },
      mongo: { url: mongoUrl(), database: opened.db.name },
      kafka: { brokers: kafkaBrokers(), partitions: 1 },
      registry: { url: 'http://127.0.0.1:9/', token: 'test-token', heartbeatSeconds: 5 },
      internalAuth: { secret: 'test-internal-secret-of-32-characters' },
      topics: { users: topic },
    });
    const registry = createRegistryClient({
      registryUrl: settings.registry.url,
      token: settings.registry.token,
      subgraph: 'user',
      url: 'http://127.0.0.1:0/graphql',
      sdl: schema.sdl,
      heartbeatSeconds: 5,
      logger,
    });
    const built = await createServer({ settings, logger, db: opened.db, bus, registry });
    const reader = await readTopic(bus, topic);
    let listening: Listening | undefined;
    try {
      const names = (await opened.db.listCollections()).map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['user_subscriptions', 'users', 'plans']));
      expect(names).not.toContain('subscriptions');

      listening = await listen(built.httpServer, '127.0.0.1', 0);
      for (const worker of built.workers ?? []) await worker.start();
      // Signed as the gateway signs an agent's calls.
      const signature = await signInternalToken({
        secret: settings.internalAuth.secret,
        caller: 'gateway',
        audience: 'user',
        identity: { authenticated: true, scopes: new Set(DEFAULT_ROLE_SCOPES.agent) },
      });
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
    } finally {
      for (const worker of [...(built.workers ?? [])].reverse()) await worker.stop();
      await listening?.close(1000);
      await reader.stop();
      await opened.close();
    }
  });
});
