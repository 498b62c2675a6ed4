import { spawn, type ChildProcess } from 'node:child_process';

export interface ServiceProcess {
  child: ChildProcess;
  /** Why it is gone, or null while it runs. */
  exitReason(): string | null;
  stop(graceMs: number): Promise<void>;
}

/**
 * Starts `node entry --with-parent` in its own process group (a terminal Ctrl-C reaches only
 * the stack, which stops services in reverse order). The child also stops when our stdin
 * pipe closes, so a stack killed outright never leaves services behind.
 */
export function startServiceProcess(
  entry: string,
  env: NodeJS.ProcessEnv,
  onExit: (reason: string) => void,
): ServiceProcess {
  const child = spawn(process.execPath, [entry, '--with-parent'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  let reason: string | null = null;
  let stopping = false;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      reason = `exited with ${signal ?? `code ${code}`}`;
      if (!stopping) onExit(reason);
      resolve();
    });
  });
  child.once('error', (err) => {
    reason = err.message;
    if (!stopping) onExit(reason);
  });
  return {
    child,
    exitReason: () => reason,
    async stop(graceMs) {
      stopping = true;
      if (reason) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
