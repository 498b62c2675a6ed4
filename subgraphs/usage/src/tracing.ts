// The first import of main.ts: instrumentation has to patch http, mongodb and graphql before
// anything loads them. Does nothing (and loads no SDK) unless an OTLP endpoint is set.
import { startTracing } from '@tally/telemetry';

startTracing('usage-subgraph');
