export interface ConnectPropertiesOptions {
  brokers: string;
  /** The REST API's port, on 127.0.0.1. */
  port: number;
  /** The folder whose subfolders are plugins (one class loader each). */
  pluginPath: string;
  /** Source connectors' offsets; sinks commit theirs to Kafka as a consumer group. */
  offsetsFile: string;
}

/**
 * A standalone Kafka Connect worker's properties. The worker keeps connector configs in memory
 * only, so whoever needs a connector applies it after every start (`PUT .../config`).
 * Converters here are defaults; a connector's own config may set its own.
 */
export function renderConnectProperties(opts: ConnectPropertiesOptions): string {
  return [
    '# Kafka Connect standalone worker, written by @tally/infra at every start.',
    `bootstrap.servers=${opts.brokers}`,
    `listeners=http://127.0.0.1:${opts.port}`,
    'rest.advertised.host.name=127.0.0.1',
    `rest.advertised.port=${opts.port}`,
    `plugin.path=${opts.pluginPath}`,
    // Plugins are found through their ServiceLoader manifests only (see plugin-manifests.ts):
    // a fraction of a second, where scanning every class takes ten.
    'plugin.discovery=service_load',
    `offset.storage.file.filename=${opts.offsetsFile}`,
    // How often sink tasks commit consumed offsets; a crash redelivers at most this much.
    'offset.flush.interval.ms=10000',
    // A killed worker's consumer stays in its group until its session expires; a restarted
    // one gets the partitions only then (the default is 45 s).
    'consumer.session.timeout.ms=10000',
    'consumer.heartbeat.interval.ms=2000',
    'key.converter=org.apache.kafka.connect.storage.StringConverter',
    'value.converter=org.apache.kafka.connect.json.JsonConverter',
    'value.converter.schemas.enable=false',
    '',
  ].join('\n');
}
