import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorMessage, WaitTimedOut, waitUntil } from '@tally/retry';
import { requireCommand } from './find-command';
import { tailLines } from './log-tail';
import { stopChild } from './process-stop';
import { writePidFile, type PidRecord } from './pid-files';
import type { InfraMode, RuntimeName } from './paths';

export interface JavaProcess {
  child: ChildProcess;
  pid: number;
  /** Why the process is gone, or null while it runs. */
  exitReason: () => string | null;
  /** SIGTERM, SIGKILL after `graceMs`; resolves once it exited and its pid file is gone. */
  stop: (graceMs: number) => Promise<void>;
  /** SIGKILL, as in a crash: no shutdown hooks run. Resolves once it exited. */
  kill: () => Promise<void>;
}

export interface JavaSpawnOptions {
  name: RuntimeName;
  mode: InfraMode;
  args: string[];
  logFile: string;
  pidDir: string;
  marker: string;
  parentPid: number;
  /** Removed by the next start's clean-up should this run crash. */
  tempDir?: string;
}

/**
 * Starts `java ARGS` with stdout and stderr going to `logFile` (truncated), in its own process
 * group so a Ctrl-C in the terminal reaches only Node, which stops servers in order. A pid
 * file lets the next start clean up after a crash.
 */
export function spawnJava(opts: JavaSpawnOptions): JavaProcess {
  const java = requireCommand('java');
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const out = openSync(opts.logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(java, opts.args, { stdio: ['ignore', out, out], detached: true });
  } finally {
    closeSync(out);
  }
  let reason: string | null = null;
  child.once('error', (err) => {
    reason ??= `could not start java: ${err.message}`;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      reason ??= `exited with ${signal ?? `code ${code}`}`;
      resolve();
    });
  });
  const pid = child.pid ?? -1;
  const record: PidRecord = {
    pid,
    parentPid: opts.parentPid,
    marker: opts.marker,
    ...(opts.tempDir !== undefined && { tempDir: opts.tempDir }),
  };
  const pidFile = pid > 0 ? writePidFile(opts.pidDir, opts.mode, opts.name, record) : null;
  void exited.then(() => pidFile && rmSync(pidFile, { force: true }));

  return {
    child,
    pid,
    exitReason: () => reason,
    async stop(graceMs) {
      if (reason) return;
      await stopChild(child, graceMs);
      await exited;
    },
    async kill() {
      if (reason) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

/** An Error for a server that failed to come up, with the tail of its log. */
export function startupError(what: string, why: string, logFile: string): Error {
  const tail = tailLines(logFile, 20);
  return new Error(
    `${what} failed to start: ${why} (log: ${logFile})${tail ? `\n--- last lines of ${logFile} ---\n${tail}` : ''}`,
  );
}

/**
 * Waits until `probe` succeeds; if the deadline passes or the process dies first, stops it,
 * runs `cleanup` and throws an error naming the log file with its last lines.
 */
export async function awaitReady(
  proc: JavaProcess,
  probe: () => Promise<void>,
  opts: {
    what: string;
    logFile: string;
    deadlineMs: number;
    intervalMs?: number;
    cleanup?: () => void;
  },
): Promise<void> {
  try {
    await waitUntil(
      async () => {
        const died = proc.exitReason();
        if (died) throw new ProcessGone(died);
        await probe();
        return true;
      },
      {
        deadlineMs: opts.deadlineMs,
        intervalMs: opts.intervalMs ?? 300,
        retryIf: (err) => !(err instanceof ProcessGone),
      },
    );
  } catch (err) {
    await proc.stop(2_000);
    opts.cleanup?.();
    throw startupError(opts.what, notReadyReason(err, opts.deadlineMs), opts.logFile);
  }
}

/** The process exited while we waited: waiting longer cannot help. */
class ProcessGone extends Error {}

function notReadyReason(err: unknown, deadlineMs: number): string {
  if (!(err instanceof WaitTimedOut)) return errorMessage(err);
  const last = err.cause === undefined ? 'no attempt' : errorMessage(err.cause);
  return `not ready after ${Math.round(deadlineMs / 1000)} s (last error: ${last})`;
}
