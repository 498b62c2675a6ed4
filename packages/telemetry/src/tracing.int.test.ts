import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SPAN_KIND, startOtlpReceiver, type OtlpReceiver } from '../test/otlp-receiver';

const ROOT = join(__dirname, '..', '..', '..');
const PROBE = join(__dirname, '..', 'test', 'probe.ts');

/** Runs the probe on the sources with only `env`'s OpenTelemetry variables. */
async function probe(env: Record<string, string>, ...args: string[]) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('OTEL_')),
  );
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--require', 'tsx/cjs', PROBE, ...args],
    { cwd: ROOT, env: { ...clean, ...env }, timeout: 60_000 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as { on: boolean; loaded: string[] };
}

describe('tracing in a process', () => {
  let receiver: OtlpReceiver;
  beforeAll(async () => (receiver = await startOtlpReceiver()));
  afterAll(() => receiver.close());
  const otlp = () => ({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  });

  it('is off, loading nothing of OpenTelemetry, when no OTLP endpoint is set', async () => {
    const { on, loaded } = await probe({});
    expect(on).toBe(false);
    expect(loaded).toEqual([]);
  });

  it('is off when the SDK is disabled, endpoint or not', async () => {
    const { on, loaded } = await probe({ ...otlp(), OTEL_SDK_DISABLED: 'true' });
    expect(on).toBe(false);
    expect(loaded).toEqual([]);
  });

  it('exports HTTP client and server spans under the caller, flushed on stop, never a header', async () => {
    const secret = `probe-secret-${Date.now()}`;
    const { on, loaded } = await probe(otlp(), 'request', secret);
    expect(on).toBe(true);
    expect(loaded.some((p) => p.includes('sdk-node'))).toBe(true);

    const spans = receiver.spans().filter((s) => s.service === 'probe-service');
    const root = spans.find((s) => s.name === 'probe-root')!;
    expect(root).toBeDefined();
    const clients = spans.filter((s) => s.kind === SPAN_KIND.client);
    expect(clients.map((c) => c.scope).sort()).toEqual([
      '@opentelemetry/instrumentation-http',
      '@opentelemetry/instrumentation-undici',
    ]);
    for (const client of clients) {
      expect(client).toMatchObject({ traceId: root.traceId, parentSpanId: root.spanId });
      const server = spans.find(
        (s) => s.kind === SPAN_KIND.server && s.parentSpanId === client.spanId,
      );
      expect(server).toMatchObject({ traceId: root.traceId });
    }
    expect(receiver.raw()).not.toContain(secret);
    expect(receiver.raw().toLowerCase()).not.toContain('authorization');
    expect(receiver.refused()).toEqual([]);
  });

  it('names the service by OTEL_SERVICE_NAME when set', async () => {
    await probe({ ...otlp(), OTEL_SERVICE_NAME: 'renamed-probe' }, 'request', 'x-secret-2');
    expect(receiver.spans().some((s) => s.service === 'renamed-probe')).toBe(true);
  });
});
