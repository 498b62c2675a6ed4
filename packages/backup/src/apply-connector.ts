import { WaitTimedOut, waitUntil } from '@tally/retry';
import type { BackupSettings } from './config';
import { ConnectError, connectClient, type ConnectClient } from './connect-client';
import { loadConnectorConfig, type ConnectorConfig } from './connector-config';
import { connectorHealth } from './connector-state';

export type ApplyAction = 'created' | 'updated' | 'unchanged';

/** True when the worker's config (which carries `name` too) is what we would PUT. */
export function sameConfig(current: ConnectorConfig, wanted: ConnectorConfig, name: string) {
  const a: ConnectorConfig = { ...current, name };
  const b: ConnectorConfig = { ...wanted, name };
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => a[k] === b[k]);
}

/** Creates the connector when absent, replaces its config when it changed, else leaves it be. */
export async function applyConnector(
  client: ConnectClient,
  name: string,
  config: ConnectorConfig,
): Promise<ApplyAction> {
  const current = await client.config(name);
  if (current && sameConfig(current, config, name)) return 'unchanged';
  await client.putConfig(name, config);
  return current ? 'updated' : 'created';
}

/** Resolves once the connector and all its tasks run; throws at once when one failed. */
export async function waitConnectorRunning(
  client: ConnectClient,
  name: string,
  deadlineMs = 60_000,
): Promise<{ tasks: number }> {
  let last = 'not known to the worker yet';
  try {
    return await waitUntil(
      async () => {
        const status = await client.status(name);
        if (!status) return undefined;
        const health = connectorHealth(status);
        if (health.state === 'RUNNING') return { tasks: health.tasks };
        if (health.state === 'FAILED')
          throw new ConnectError(`connector ${name}: ${health.reason}`);
        last = health.reason;
        return undefined;
      },
      { deadlineMs, intervalMs: 250, retryIf: () => false },
    );
  } catch (err) {
    if (!(err instanceof WaitTimedOut)) throw err;
    throw new ConnectError(
      `connector ${name} not running after ${Math.round(deadlineMs / 1000)} s (${last})`,
    );
  }
}

export interface UsageBackupConnector {
  name: string;
  action: ApplyAction;
  tasks: number;
  /** `db.collection` it writes. */
  target: string;
  topic: string;
}

/**
 * Applies the usage backup connector (infra/connect/connectors/usage-backup.json, filled from
 * the settings) to the worker at `connectUrl`, and waits until it runs. A standalone worker
 * forgets its connectors when it stops, so this runs after every start of the worker.
 */
export async function applyUsageBackupConnector(
  settings: BackupSettings,
  deadlineMs?: number,
): Promise<UsageBackupConnector> {
  const client = connectClient(settings.connectUrl);
  const config = loadConnectorConfig({
    topic: settings.usageTopic,
    deadLetterTopic: settings.deadLetterTopic,
    mongoUrl: settings.mongoUrl,
    database: settings.backupDatabase,
    collection: settings.collection,
  });
  const action = await applyConnector(client, settings.connectorName, config);
  const { tasks } = await waitConnectorRunning(client, settings.connectorName, deadlineMs);
  return {
    name: settings.connectorName,
    action,
    tasks,
    target: `${settings.backupDatabase}.${settings.collection}`,
    topic: settings.usageTopic,
  };
}
