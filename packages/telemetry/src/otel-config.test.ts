import { tracingSettings } from './otel-config';

describe('whether a process traces', () => {
  it.each([
    [{}, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: '' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, true],
    [{ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://collector:4318/v1/traces' }, true],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' }, false],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none' }, false],
  ])('%j: %s', (env, enabled) => {
    expect(tracingSettings('gateway', env).enabled).toBe(enabled);
  });

  it('names the service by OTEL_SERVICE_NAME, else by its own name', () => {
    expect(tracingSettings('gateway', {})).toMatchObject({
      serviceName: 'gateway',
      serviceNameFromEnv: false,
    });
    expect(tracingSettings('gateway', { OTEL_SERVICE_NAME: 'edge' })).toMatchObject({
      serviceName: 'edge',
      serviceNameFromEnv: true,
    });
  });
});
