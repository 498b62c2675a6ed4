import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { BackupSettings, Stores } from '@tally/backup';
import { WaitTimedOut, waitUntil } from '@tally/retry';
import { e2eBus } from './message-bus';

const ROOT = join(__dirname, '..', '..');

/** Polls the backup's record count until it is `expected`; fails with the last count seen. */
export async function waitForBackupCount(
  stores: Stores,
  expected: number,
  timeoutMs = 60_000,
): Promise<void> {
  let count = -1;
  await waitUntil(
    async () => {
      count = await stores.backup.countDocuments({});
      return count >= expected;
    },
    { deadlineMs: timeoutMs, intervalMs: 100, retryIf: () => false },
  ).catch((err: unknown) => {
    if (!(err instanceof WaitTimedOut)) throw err;
  });
  if (count !== expected) throw new Error(`backup holds ${count} records, expected ${expected}`);
}

/** Runs a built backup CLI (packages/backup/dist/<name>.js) against the given stores. */
export function runBackupCli(
  name: 'verify-cli' | 'restore-cli',
  settings: BackupSettings,
  args: string[] = [],
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'packages', 'backup', 'dist', `${name}.js`), ...args],
      {
        env: {
          ...process.env,
          MONGO_URL: settings.mongoUrl,
          USAGE_DATABASE: settings.usageDatabase,
          BACKUP_DATABASE: settings.backupDatabase,
          BILLING_TIME_ZONE: settings.timeZone,
        },
      },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, output: `${stdout}${stderr}` });
      },
    );
  });
}

/** The sum of a topic's partition end offsets: how many messages were ever written to it. */
export async function topicEnd(topic: string): Promise<number> {
  const admin = e2eBus().admin();
  try {
    const ranges = await admin.partitionRanges(topic);
    return ranges.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.close();
  }
}

/** Produces one message as it is, bypassing the event contract (a poison message). */
export async function sendRaw(topic: string, key: string, value: string): Promise<void> {
  const publisher = e2eBus().publisher();
  await publisher.connect();
  try {
    await publisher.publish([{ topic, key, value }]);
  } finally {
    await publisher.disconnect();
  }
}
