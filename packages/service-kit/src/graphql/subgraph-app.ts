import { createServer, type Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import express, { type Express, type RequestHandler } from 'express';
import type { DocumentNode } from 'graphql';
import type { Logger } from 'pino';
import { healthRouter, type HealthCheck } from '../http/health';
import { jsonBody } from '../http/json-body';
import { requestIdentity } from '../http/request-identity';
import { requireSignedCall } from '../http/signed-call';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics-plugin';
import type { MetricsAccess } from '../metrics/metrics-guard';
import { metricsRouter } from '../metrics/metrics-route';
import { createServiceMetrics, type ServiceMetrics } from '../metrics/service-metrics';
import { buildAuthorizedSubgraphSchema, type AuthorizationContext } from './authorization';
import { createFormatError } from './format-error';

export interface SubgraphAppOptions<C extends BaseContext> {
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<unknown>;
  logger: Logger;
  healthChecks: Record<string, HealthCheck>;
  /** The service's part of a request's context; the caller's `identity` is added to it. */
  context: () => Promise<C>;
  /** More figures for `/health/live` (e.g. the outbox's pending and parked counts). */
  healthStats?: () => Promise<object>;
  plugins?: ApolloServerPlugin<C>[];
  /** Who may call: only requests signed for `audience` with `secret` reach /graphql. */
  signedCalls: { audience: string; secret: string };
  /** GET /metrics: the service's name (a label on every series) and who may scrape. */
  metrics: { service: string; access: MetricsAccess };
}

export interface SubgraphApp {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<BaseContext>;
  /** Its metrics registry, for the service to add its own figures (outbox, consumers). */
  metrics: ServiceMetrics;
}

/** An express app serving the subgraph at /graphql and the health endpoints. Not listening yet. */
export async function createSubgraphApp<C extends BaseContext>(
  opts: SubgraphAppOptions<C>,
): Promise<SubgraphApp> {
  const app = express();
  const httpServer = createServer(app);
  const metrics = createServiceMetrics(opts.metrics.service);
  const apollo = new ApolloServer<C & AuthorizationContext>({
    schema: buildAuthorizedSubgraphSchema(opts.typeDefs, opts.resolvers),
    formatError: createFormatError(opts.logger),
    includeStacktraceInErrorResponses: false,
    // No Apollo Studio here: per-field traces (ftv1) would only cost time on every request.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      graphqlMetricsPlugin(metrics),
      ...(opts.plugins ?? []),
    ],
  });
  await apollo.start();
  let graphqlRequests = 0;
  app.use(
    healthRouter(opts.healthChecks, async () => ({
      graphqlRequests,
      ...(await opts.healthStats?.()),
    })),
  );
  app.use(metricsRouter({ metrics, access: opts.metrics.access, logger: opts.logger }));
  const countRequest: RequestHandler = (_req, _res, next) => {
    graphqlRequests++;
    next();
  };
  app.use(
    '/graphql',
    countRequest,
    requireSignedCall({ ...opts.signedCalls, logger: opts.logger }),
    ...jsonBody(opts.logger),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ ...(await opts.context()), identity: requestIdentity(req) }),
    }),
  );
  return { app, httpServer, apollo: apollo as unknown as ApolloServer<BaseContext>, metrics };
}
