import type { ChildProcess } from 'node:child_process';
import { waitUntil } from '@tally/retry';
import { isAlive } from './pid-files';

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the child has exited. */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** The same for a process that is not our child (an orphan from an earlier run). */
export async function stopPid(pid: number, graceMs: number): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(pid, sig);
    } catch {
      // already gone
    }
  };
  const exited = () => !isAlive(pid);
  signal('SIGTERM');
  await waitUntil(exited, { deadlineMs: graceMs, intervalMs: 100 }).catch(() => signal('SIGKILL'));
  await waitUntil(exited, { deadlineMs: Infinity, intervalMs: 50 });
}
