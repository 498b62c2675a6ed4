import { randomBytes } from 'node:crypto';

export interface KafkaPropertiesInput {
  port: number;
  controllerPort: number;
  /** Kafka's log.dirs: where topic partitions and the metadata log live. */
  logDir: string;
}

/**
 * server.properties of a one-node KRaft cluster (broker and controller in one process) on
 * 127.0.0.1, with replication factors of 1 and no rebalance delay so tests start fast.
 * No trailing comments: in .properties a `#` after a value becomes part of the value.
 */
export function renderKafkaProperties({
  port,
  controllerPort,
  logDir,
}: KafkaPropertiesInput): string {
  const props: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': 1,
    'controller.quorum.voters': `1@127.0.0.1:${controllerPort}`,
    listeners: `PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${port}`,
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'log.dirs': logDir,
    'num.partitions': 1,
    'auto.create.topics.enable': true,
    'offsets.topic.replication.factor': 1,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': 1,
    'transaction.state.log.min.isr': 1,
    'share.coordinator.state.topic.replication.factor': 1,
    'share.coordinator.state.topic.min.isr': 1,
    'group.initial.rebalance.delay.ms': 0,
  };
  const lines = Object.entries(props).map(([key, value]) => `${key}=${escapeValue(String(value))}`);
  return `# Written by @tally/infra on every start; edits are overwritten.\n${lines.join('\n')}\n`;
}

/** Backslashes are escapes in .properties values (a Windows path would need this). */
function escapeValue(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

/** A KRaft cluster id: 16 random bytes, base64url without padding (22 characters). */
export function newClusterId(): string {
  // A leading "-" would make kafka-storage read the id as an option.
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** The cluster.id of a formatted log dir's meta.properties, or null. */
export function clusterIdOf(metaProperties: string): string | null {
  const match = /^cluster\.id=(.+)$/m.exec(metaProperties);
  return match?.[1]?.trim() ?? null;
}
