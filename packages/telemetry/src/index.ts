import type { SpanRecorder } from './span-recorder';
import { tracingSettings } from './otel-config';

export { tracingSettings, type TracingSettings } from './otel-config';

interface Started {
  shutdown(): Promise<void>;
}

// Kept on the global object: a service may reach this module by two paths (its main and the
// service kit), and they must share one SDK.
const STARTED = Symbol.for('tally.telemetry.started');
type Holder = { [STARTED]?: Started };

/**
 * Starts tracing for this process when an OTLP endpoint is configured
 * (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); otherwise does nothing
 * and loads nothing of the SDK. Must run before http, mongodb and graphql are first required,
 * so each service calls it from `src/tracing.ts`, the first import of its `main.ts`.
 * Answers whether tracing is on.
 */
export function startTracing(serviceName: string): boolean {
  const holder = globalThis as Holder;
  if (holder[STARTED]) return true;
  const settings = tracingSettings(serviceName);
  if (!settings.enabled) return false;
  // Required here, not imported at the top: with tracing off the SDK is never loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./start-sdk') as typeof import('./start-sdk');
  holder[STARTED] = startSdk(settings);
  return true;
}

/**
 * Exports the spans still buffered and stops the SDK, within `deadlineMs` (a collector that
 * does not answer must not hold up a service's shutdown); never throws. Nothing when off.
 */
export async function stopTracing(deadlineMs = 3000): Promise<void> {
  const holder = globalThis as Holder;
  const started = holder[STARTED];
  delete holder[STARTED];
  if (!started) return;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadlineMs)));
  await Promise.race([started.shutdown().catch(() => undefined), deadline]);
  clearTimeout(timer);
}

export type { RecordedSpan, SpanRecorder } from './span-recorder';

/**
 * For tests: turns tracing on in this process with every finished span kept in memory
 * (no instrumentation, no export), so propagation through real brokers can be checked.
 */
export function recordSpansInMemory(serviceName = 'test'): SpanRecorder {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startInMemory } = require('./in-memory') as typeof import('./in-memory');
  return startInMemory(serviceName);
}
