import type { IncomingMessage } from 'node:http';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

/** Probes and scrapes: frequent, always alike, and no part of any request's story. */
const UNTRACED_PATHS = /^\/(health|metrics)(\/|\?|$)/;

/**
 * What Tally traces: HTTP in (every service) and out (node:http, and fetch through undici:
 * the gateway's subgraph calls), MongoDB commands (mongoose rides on the driver) and GraphQL
 * execution. No header is ever copied into a span (`headersToSpanAttributes` stays unset, so
 * no Authorization), Mongo statements are reduced to their shape (no values) and GraphQL
 * variables are left out. Outgoing calls are traced only inside a trace, so registry polls
 * and heartbeats do not each start one.
 */
export function tallyInstrumentations() {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
      requireParentforOutgoingSpans: true,
    }),
    new UndiciInstrumentation({ requireParentforSpans: true }),
    new MongoDBInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    new GraphQLInstrumentation({
      allowValues: false,
      ignoreTrivialResolveSpans: true,
      mergeItems: true,
    }),
  ];
}
