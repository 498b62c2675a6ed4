// The probe's first import, as `src/tracing.ts` is a service's: tracing starts before
// anything else loads, and what it loaded is noted at once.
import { startTracing } from '../src';

export const on = startTracing('probe-service');
export const loaded = Object.keys(require.cache).filter((path) => path.includes('@opentelemetry'));
