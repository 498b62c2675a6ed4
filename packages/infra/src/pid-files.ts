import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InfraMode, RuntimeName } from './paths';

/** What a pid file records about one server process we started. */
export interface PidRecord {
  pid: number;
  /** The Node process that started it; the server's watchdog exits when it is gone. */
  parentPid: number;
  /** A string its /proc/<pid>/cmdline contains, so a reused pid is never mistaken for it. */
  marker: string;
  /** A temp dir of the server's that goes with it (test-mode Kafka data). */
  tempDir?: string;
}

export type StaleAction = 'keep' | 'remove' | 'kill';

/**
 * What to do with a pid file found at start-up:
 * - the process is gone, or the pid now belongs to another program → remove the file;
 * - it is ours and its parent still runs (another test run or stack) → keep it alone;
 * - it is ours but its parent is gone (its watchdog failed) → kill it, then remove the file.
 */
export function staleAction(
  record: PidRecord,
  cmdline: string | null,
  parentAlive: boolean,
): StaleAction {
  if (cmdline === null || !cmdline.includes(record.marker)) return 'remove';
  return parentAlive ? 'keep' : 'kill';
}

/** The command line of a running process with spaces for NULs, or null when it is gone. */
export function readCmdline(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** True while `pid` runs; a zombie (exited, not yet reaped) counts as gone. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // The state follows the parenthesised command name: "123 (java) S ...".
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

const fileName = (mode: InfraMode, name: RuntimeName, pid: number) => `${mode}-${name}-${pid}.pid`;

export function writePidFile(
  dir: string,
  mode: InfraMode,
  name: RuntimeName,
  record: PidRecord,
): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, fileName(mode, name, record.pid));
  writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

function readRecord(file: string): PidRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<PidRecord>;
    const { pid, parentPid, marker, tempDir } = parsed;
    if (typeof pid !== 'number' || typeof parentPid !== 'number' || typeof marker !== 'string') {
      return null;
    }
    return { pid, parentPid, marker, ...(typeof tempDir === 'string' && { tempDir }) };
  } catch {
    return null;
  }
}

/**
 * Handles the pid files a previous run of this mode and runtime left behind (see
 * staleAction); `kill` stops each orphan and resolves once it exited. A crashed run's temp
 * dir goes with its pid file.
 */
export async function cleanStalePidFiles(
  dir: string,
  mode: InfraMode,
  name: RuntimeName,
  kill: (pid: number) => Promise<void>,
): Promise<void> {
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.startsWith(`${mode}-${name}-`) && f.endsWith('.pid'));
  } catch {
    return;
  }
  for (const f of files) {
    const file = join(dir, f);
    const record = readRecord(file);
    if (!record) {
      rmSync(file, { force: true });
      continue;
    }
    const action = staleAction(record, readCmdline(record.pid), isAlive(record.parentPid));
    if (action === 'keep') continue;
    if (action === 'kill') await kill(record.pid);
    if (record.tempDir) rmSync(record.tempDir, { recursive: true, force: true });
    rmSync(file, { force: true });
  }
}
