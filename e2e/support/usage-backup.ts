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

/** A message the backup's sink dead-lettered: what was sent, and Connect's reason for it. */
export interface BackupDeadLetter {
  value: string | null;
  /** `__connect.errors.stage`: VALUE_CONVERTER, TRANSFORMATION, TASK_PUT, … */
  stage: string | undefined;
  /** `__connect.errors.exception.message`. */
  reason: string | undefined;
}

/** Every message of the backup's dead-letter topic, with the context headers Connect adds. */
export async function backupDeadLetters(topic: string): Promise<BackupDeadLetter[]> {
  const read = await e2eBus().readTopicToEnd(topic);
  return read.map((m) => ({
    value: m.value?.toString() ?? null,
    stage: m.headers['__connect.errors.stage'],
    reason: m.headers['__connect.errors.exception.message'],
  }));
}
