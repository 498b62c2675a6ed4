import { DEFAULT_ROLE_SCOPES, signInternalToken } from '@tally/auth';
import { createMessageBus } from '@tally/messaging';
import { createRegistryClient, listen } from '@tally/service-kit';
import { kafkaBrokers, mongoUrl } from '@tally/testkit';
import type { Connection } from 'mongoose';
import { loadConfig } from '../../src/config';
import { createServer, schema, subgraphName } from '../../src/server';
import { logger } from './infra';

/**
 * The usage subgraph as `createServer` builds it, over a database the test prepared, on a
 * free port, with its workers started (no registry: the instance never registers). The
 * outbox sweeps at once and often, so intents a migration wrote are published quickly.
 */
export async function startUsageServer(db: Connection, topics: { usage: string; users: string }) {
  const settings = await loadConfig({
    port: 0,
    mongo: { url: mongoUrl(), database: db.name },
    kafka: { brokers: kafkaBrokers(), partitions: 2 },
    topics,
    log: { level: 'silent' },
  });
  const bus = createMessageBus({ clientId: 'usage-int-server', brokers: kafkaBrokers(), logger });
  const registry = createRegistryClient({
    registryUrl: settings.registry.url,
    token: settings.registry.token,
    subgraph: subgraphName,
    url: 'http://127.0.0.1:0/graphql',
    sdl: schema.sdl,
    heartbeatSeconds: settings.registry.heartbeatSeconds,
    logger,
  });
  const built = await createServer(
    { settings, logger, db, bus, registry },
    { outbox: { graceMs: 0, sweepMs: 200 } },
  );
  const listening = await listen(built.httpServer, '127.0.0.1', 0);
  for (const worker of built.workers ?? []) await worker.start();
  return {
    built,
    /** A call signed as the gateway signs an agent's. */
    async gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const signature = await signInternalToken({
        secret: settings.internalAuth.secret,
        caller: 'gateway',
        audience: subgraphName,
        identity: { authenticated: true, scopes: new Set(DEFAULT_ROLE_SCOPES.agent) },
      });
      const res = await fetch(`${listening.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${signature}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data!;
    },
    async stop() {
      await listening.close(1000);
      for (const worker of [...(built.workers ?? [])].reverse()) await worker.stop();
    },
  };
}
