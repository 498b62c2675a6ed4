import { createServer as createHttpServer, type Server } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  createFormatError,
  createServiceMetrics,
  graphqlMetricsPlugin,
  healthRouter,
  jsonBody,
  metricsRouter,
  type Logger,
} from '@tally/service-kit';
import express from 'express';
import type { Settings } from './config';
import { playgroundRouter } from './playground/playground-router';
import { createTokenVerifier } from '@tally/auth';
import { createCallSigner } from './auth/call-signer';
import { createGatewayContext } from './auth/gateway-context';
import { limitsPlugin } from './limits/limits-plugin';
import { createGatewayMetrics } from './metrics/gateway-metrics';
import { createInstancePool } from './routing/instance-pool';
import { createRegistryPoller } from './routing/registry-poller';
import { registrySupergraph } from './routing/registry-supergraph';
import { ContractDataSource } from './routing/contract-data-source';
import { createRoutingFetcher } from './routing/routing-fetcher';

export interface Gateway {
  httpServer: Server;
  /** Resolves once the first supergraph is loaded and /graphql answers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The gateway's HTTP server: health at once, /graphql once the registry served a schema. */
export function createServer(deps: { settings: Settings; logger: Logger }): Gateway {
  const { settings, logger } = deps;
  const metrics = createServiceMetrics('gateway');
  const gatewayMetrics = createGatewayMetrics(metrics);
  const pool = createInstancePool({ logger });
  const poller = createRegistryPoller({
    registryUrl: settings.registry.url,
    token: settings.registry.token,
    pollSeconds: settings.registry.pollSeconds,
    timeoutMs: settings.registry.timeoutMs,
    pool,
    logger,
  });
  const signCall = createCallSigner(settings.internalAuth.secrets);
  const gateway = new ApolloGateway({
    supergraphSdl: registrySupergraph({
      poller,
      pollSeconds: settings.registry.pollSeconds,
      logger,
      onServed: gatewayMetrics.served,
    }),
    buildService: ({ name, url }) =>
      new ContractDataSource({
        name,
        url,
        signCall,
        fetcher: createRoutingFetcher({
          subgraph: name,
          pool,
          timeoutMs: settings.subgraphTimeoutMs,
          logger,
          observe: gatewayMetrics.fetches,
        }),
      }),
  });
  const app = express();
  const httpServer = createHttpServer(app);
  let loaded = false;
  app.use(
    healthRouter({
      registry: poller.health,
      supergraph: async () => {
        if (!loaded) throw new Error('no supergraph loaded yet');
      },
    }),
  );
  app.use(metricsRouter({ metrics, access: settings, logger }));
  // Before /graphql: a browser's GET gets our GraphiQL page (Apollo's own loads from a CDN).
  if (settings.playground) app.use(playgroundRouter());
  const apollo = new ApolloServer({
    gateway,
    formatError: createFormatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: settings.introspection,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      limitsPlugin(settings.limits),
      graphqlMetricsPlugin(metrics),
    ],
  });
  return {
    httpServer,
    async start() {
      await apollo.start();
      app.use(
        '/graphql',
        ...jsonBody(logger),
        expressMiddleware(apollo, {
          context: createGatewayContext(
            createTokenVerifier({
              issuer: settings.auth.issuer,
              audience: settings.auth.audience,
              jwksUrl: settings.auth.jwksUrl,
              roleScopes: settings.auth.roles,
            }),
            logger,
          ),
        }),
      );
      loaded = true;
    },
    stop: () => apollo.stop(),
  };
}
