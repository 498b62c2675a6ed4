import { applyUsageBackupConnector } from './apply-connector';
import { backupSettings } from './config';

const HELP = `Usage: npm run backup:connector

Applies the usage backup connector (infra/connect/connectors/usage-backup.json) to the Kafka
Connect worker: creates it when absent, updates it when its config changed, then waits until
it and its task run. Fails with the task's error when one failed. npm start does this itself.

Environment: CONNECT_URL (default http://127.0.0.1:8083), BACKUP_CONNECTOR (its name, default
usage-backup), TOPIC_USAGE, MONGO_URL (as the worker reaches MongoDB), BACKUP_DATABASE.`;

async function main(): Promise<void> {
  if (process.argv.includes('--help')) return void console.log(HELP);
  const settings = backupSettings();
  const c = await applyUsageBackupConnector(settings);
  console.log(
    `connector ${c.name} ${c.action}, RUNNING (${c.tasks} task): ${c.topic} → ${c.target} via ${settings.connectUrl}`,
  );
}

main().catch((err: unknown) => {
  console.error(`backup:connector: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
