/**
 * Whether this process exports traces, from the standard OpenTelemetry variables only (the
 * SDK reads the rest itself: OTEL_EXPORTER_OTLP_PROTOCOL, OTEL_TRACES_SAMPLER, OTEL_BSP_*,
 * OTEL_RESOURCE_ATTRIBUTES, ...). Off unless an OTLP endpoint is named.
 */
export interface TracingSettings {
  enabled: boolean;
  /** OTEL_SERVICE_NAME when set, else the service's own name. */
  serviceName: string;
  /** Whether the name came from OTEL_SERVICE_NAME (then the SDK's env detector applies it). */
  serviceNameFromEnv: boolean;
}

const isSet = (v: string | undefined) => v !== undefined && v.trim() !== '';

export function tracingSettings(
  defaultServiceName: string,
  env: NodeJS.ProcessEnv = process.env,
): TracingSettings {
  const endpoint =
    isSet(env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) || isSet(env.OTEL_EXPORTER_OTLP_ENDPOINT);
  const disabled =
    env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true' ||
    (env.OTEL_TRACES_EXPORTER ?? '').split(',').some((e) => e.trim() === 'none');
  const fromEnv = isSet(env.OTEL_SERVICE_NAME);
  return {
    enabled: endpoint && !disabled,
    serviceName: fromEnv ? env.OTEL_SERVICE_NAME!.trim() : defaultServiceName,
    serviceNameFromEnv: fromEnv,
  };
}
