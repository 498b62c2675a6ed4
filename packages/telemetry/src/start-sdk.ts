import { NodeSDK, resources } from '@opentelemetry/sdk-node';
import { tallyInstrumentations } from './instrumentations';
import type { TracingSettings } from './otel-config';

/**
 * What a span's process is: OTEL_RESOURCE_ATTRIBUTES, the host, the process id and runtime.
 * Not the stock process detector: it exports the command line, which may hold a secret.
 */
function processResource() {
  return resources.defaultResource().merge(
    resources.resourceFromAttributes({
      'process.pid': process.pid,
      'process.runtime.name': 'nodejs',
      'process.runtime.version': process.versions.node,
    }),
  );
}

/**
 * Starts the OpenTelemetry Node SDK for traces only: spans in batches (OTEL_BSP_*) to the
 * OTLP endpoint over HTTP (OTEL_EXPORTER_OTLP_PROTOCOL: http/protobuf by default, or
 * http/json), sampled by OTEL_TRACES_SAMPLER (default parentbased_always_on), with W3C trace
 * context propagation. Metrics are Prometheus' job here and logs go to stdout, so neither is
 * exported. Loaded only when tracing is on.
 */
export function startSdk(settings: TracingSettings): { shutdown(): Promise<void> } {
  const sdk = new NodeSDK({
    // Left to the env detector when OTEL_SERVICE_NAME is set (the option would win over it).
    ...(settings.serviceNameFromEnv ? {} : { serviceName: settings.serviceName }),
    resource: processResource(),
    resourceDetectors: [resources.envDetector, resources.hostDetector],
    instrumentations: tallyInstrumentations(),
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  return sdk;
}
