import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  cleanStalePidFiles,
  isAlive,
  staleAction,
  writePidFile,
  type PidRecord,
} from './pid-files';

const record: PidRecord = { pid: 4242, parentPid: 4241, marker: 'TallyMongoServer' };

describe('staleAction', () => {
  it('removes the file of a process that is gone', () => {
    expect(staleAction(record, null, false)).toBe('remove');
  });

  it('removes the file, killing nothing, when the pid now belongs to another program', () => {
    expect(staleAction(record, 'postgres -D /var/lib/pg', false)).toBe('remove');
  });

  it('leaves alone a server whose parent still runs (another test run or stack)', () => {
    expect(staleAction(record, 'java -cp x TallyMongoServer.java --port 1', true)).toBe('keep');
  });

  it('kills an orphaned server of ours', () => {
    expect(staleAction(record, 'java -cp x TallyMongoServer.java --port 1', false)).toBe('kill');
  });
});

describe('cleanStalePidFiles', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'tally-pids-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('kills orphans, keeps live runs, drops dead and unreadable entries, within its mode only', async () => {
    const idle = (marker: string) =>
      spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)', marker]);
    const orphan = idle('orphan-marker');
    const owned = idle('owned-marker');
    try {
      const deadParent = 2 ** 22 + 1; // above the default pid_max of 4194304
      writePidFile(dir, 'test', 'mongo', {
        pid: orphan.pid!,
        parentPid: deadParent,
        marker: 'orphan-marker',
      });
      writePidFile(dir, 'test', 'mongo', {
        pid: owned.pid!,
        parentPid: process.pid,
        marker: 'owned-marker',
      });
      const tempDir = mkdtempSync(join(dir, 'kafka-data-'));
      writePidFile(dir, 'test', 'mongo', {
        pid: deadParent,
        parentPid: deadParent,
        marker: 'x',
        tempDir,
      });
      writePidFile(dir, 'stack', 'mongo', {
        pid: orphan.pid!,
        parentPid: deadParent,
        marker: 'orphan-marker',
      });
      writeFileSync(join(dir, 'test-mongo-1.pid'), 'not json');
      const killed: number[] = [];

      await cleanStalePidFiles(dir, 'test', 'mongo', async (pid) => {
        killed.push(pid);
        process.kill(pid, 'SIGKILL');
      });

      expect(killed).toEqual([orphan.pid]);
      expect(existsSync(tempDir)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(
        [`stack-mongo-${orphan.pid}.pid`, `test-mongo-${owned.pid}.pid`].sort(),
      );
    } finally {
      orphan.kill('SIGKILL');
      owned.kill('SIGKILL');
    }
  });

  it('does nothing when the directory does not exist', async () => {
    await expect(
      cleanStalePidFiles(join(dir, 'none'), 'test', 'kafka', async () => {}),
    ).resolves.toBeUndefined();
    expect(existsSync(join(dir, 'none'))).toBe(false);
  });
});

describe('isAlive', () => {
  it('tells a running process from one that is gone', async () => {
    expect(isAlive(process.pid)).toBe(true);
    const child = spawn('true');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(isAlive(child.pid!)).toBe(false);
  });
});
