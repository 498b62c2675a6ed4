/**
 * The stock gateway bench:gateway compares Tally's with, run in its own process (compiled by
 * stock-process.ts, run by plain node): @apollo/gateway with a static supergraph, its default
 * fetcher (RemoteGraphQLDataSource's), Apollo Server's standalone HTTP server, nothing tuned.
 * Only what the subgraphs need to answer at all is added, the same work Tally's gateway does
 * for it: the caller's token verified with the same verifier, and willSendRequest signing each
 * call for its subgraph with the caller's identity (signed afresh each time, as written
 * naively). Argument: a JSON file holding StockGatewayConfig. Prints one line once it listens.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  ANONYMOUS,
  createTokenVerifier,
  DEFAULT_ROLE_SCOPES,
  signInternalToken,
  type Identity,
} from '@tally/auth';

export interface StockGatewayConfig {
  /** The composed supergraph, with the subgraphs' current URLs. */
  supergraphSdl: string;
  port: number;
  /** Each subgraph's internal key. */
  secrets: Record<string, string>;
  auth: { issuer: string; audience: string; jwksUrl: string };
}

/** What stock-process.ts waits for; the port follows. */
export const LISTENING = 'stock-gateway: listening on port ';

interface Context {
  identity: Identity;
}

async function main(): Promise<void> {
  const config = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as StockGatewayConfig;
  const verifier = createTokenVerifier({ ...config.auth, roleScopes: DEFAULT_ROLE_SCOPES });
  const gateway = new ApolloGateway({
    supergraphSdl: config.supergraphSdl,
    buildService: ({ name, url }) =>
      new RemoteGraphQLDataSource<Context>({
        url,
        async willSendRequest({ request, context }) {
          const token = await signInternalToken({
            secret: config.secrets[name] ?? '',
            caller: 'gateway',
            audience: name,
            identity: context.identity ?? ANONYMOUS,
          });
          request.http?.headers.set('authorization', `Bearer ${token}`);
        },
      }),
  });
  const server = new ApolloServer<Context>({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: config.port, host: '127.0.0.1' },
    context: async ({ req }) => ({
      identity: (await verifier.verify(req.headers.authorization)).identity,
    }),
  });
  console.log(`${LISTENING}${new URL(url).port}`);
  process.once('SIGTERM', () => {
    void server.stop().finally(() => process.exit(0));
  });
}

// Imported by stock-process.ts for LISTENING and the config's type: it runs only as a script.
if (require.main === module)
  main().catch((err: unknown) => {
    console.error(`stock-gateway: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
