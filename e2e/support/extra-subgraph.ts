import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createLogger, createRegistryClient, listen, requireSignedCall } from '@tally/service-kit';
import express from 'express';
import { parse } from 'graphql';
import { REGISTRY_ADMIN_TOKEN } from './registry-access';

/** The key the test stack's gateway signs calls to `extra` with (INTERNAL_SECRETS). */
export const EXTRA_SECRET = 'e2e-internal-extra-secret-000000000000';

/**
 * A throwaway subgraph `extra` whose every String field answers "pong", registered for real,
 * answering only calls the gateway signed for it, as every subgraph does.
 */
export async function startExtraSubgraph(registryUrl: string, sdl: string) {
  const full = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\n${sdl}`;
  const app = express();
  const httpServer = createServer(app);
  const fields = [...sdl.matchAll(/(\w+): String/g)].map((m) => m[1]!);
  const apollo = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(full),
      resolvers: { Query: Object.fromEntries(fields.map((f) => [f, () => 'pong'])) },
    }),
  });
  await apollo.start();
  const logger = createLogger('extra', 'warn');
  app.use(
    '/graphql',
    requireSignedCall({ audience: 'extra', secret: EXTRA_SECRET, logger }),
    express.json(),
    expressMiddleware(apollo),
  );
  const listening = await listen(httpServer, '127.0.0.1', 0);
  const registry = createRegistryClient({
    registryUrl,
    // No client of the registry writes `extra`: the admin registers it.
    token: REGISTRY_ADMIN_TOKEN,
    subgraph: 'extra',
    url: `${listening.url}/graphql`,
    sdl: full,
    heartbeatSeconds: 1,
    logger,
  });
  await registry.start();
  return {
    async stop() {
      await registry.stop();
      await apollo.stop();
      await listening.close(1000);
    },
  };
}
