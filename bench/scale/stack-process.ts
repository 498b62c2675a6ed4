import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  cmdlineOf,
  cpuSecondsOf,
  descendants,
  isRunning,
  rssOf,
  type ProcessInfo,
  type Rss,
} from './processes';
import type { StackLog } from './stack-log';

export interface StartStackOptions {
  /** The tree whose packages/stack/dist/cli.js (and the services' dist/) run. */
  root: string;
  dataDir: string;
  /** All of the stack's output goes here. */
  logFile: string;
  log: StackLog;
  /** Append to the log file (a second start) instead of truncating it. */
  appendLog?: boolean;
  /** Every Node process of the stack writes a CPU profile into this folder when it exits. */
  profileDir?: string;
  /**
   * With profileDir: profile only between two of this signal (e.g. SIGUSR2) sent to a process,
   * instead of from start to exit (see cpu-profile-hook.js).
   */
  profileSignal?: NodeJS.Signals;
  readyDeadlineMs?: number;
}

/** Node 20 refuses --cpu-prof in NODE_OPTIONS; this preload profiles through the inspector. */
export const PROFILE_HOOK = join(__dirname, 'cpu-profile-hook.js');
const STOP_DEADLINE_MS = 90_000;
const LEFTOVER_GRACE_MS = 15_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `node packages/stack/dist/cli.js`, as `npm start` runs it, in its own process group (a
 * terminal Ctrl-C reaches the bench only, which stops the stack in order). Its own servers
 * (KAFKA_BROKERS, MONGO_URL, CONNECT_URL are not passed on), its data in `dataDir`.
 */
export function startStack(opts: StartStackOptions) {
  const env: NodeJS.ProcessEnv = { ...process.env, TALLY_DATA_DIR: opts.dataDir };
  for (const name of ['KAFKA_BROKERS', 'MONGO_URL', 'CONNECT_URL']) delete env[name];
  if (opts.profileDir) {
    mkdirSync(opts.profileDir, { recursive: true });
    env.BENCH_PROFILE_DIR = opts.profileDir;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${PROFILE_HOOK}`.trim();
    if (opts.profileSignal) env.BENCH_PROFILE_SIGNAL = opts.profileSignal;
  }
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const out = createWriteStream(opts.logFile, { flags: opts.appendLog ? 'a' : 'w' });
  const child = spawn(process.execPath, [join(opts.root, 'packages/stack/dist/cli.js')], {
    cwd: opts.root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const pid = child.pid ?? -1;
  const recent: string[] = [];
  let up = false;
  let onUp = () => {};
  let exitReason: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitReason = `the stack exited with ${signal ?? `code ${code}`}`;
      resolve();
    });
  });
  child.once('error', (err) => (exitReason = `the stack could not start: ${err.message}`));

  const onLine = (line: string) => {
    out.write(`${line}\n`);
    opts.log.add(line);
    recent.push(line);
    if (recent.length > 40) recent.shift();
    if (!up && /^(infra|stack):/.test(line)) console.log(`  ${line}`);
    if (!up && line.startsWith('Tally is up in')) {
      up = true;
      console.log(`  ${line}`);
      onUp();
    }
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  /** Every process the stack started, by pid; names stay known after they exit (profiles). */
  const known = new Map<number, ProcessInfo & { cmdline: string }>();
  const children = (): ProcessInfo[] => {
    const live = exitReason ? [] : descendants(pid);
    for (const p of live) {
      const cmdline = cmdlineOf(p.pid);
      if (cmdline && !known.has(p.pid)) known.set(p.pid, { ...p, cmdline });
    }
    return live;
  };

  let stopping: Promise<void> | undefined;
  return {
    pid,
    exitReason: () => exitReason,
    recentOutput: () => recent.join('\n'),
    /** Resolves once the stack prints "Tally is up"; rejects if it exits first. */
    async ready(): Promise<void> {
      const deadlineMs = opts.readyDeadlineMs ?? 900_000;
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`the stack was not up after ${deadlineMs / 1000} s`)),
          deadlineMs,
        );
        const settle = (err?: Error) => {
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        };
        if (up) return settle();
        onUp = () => settle();
        void exited.then(() => settle(new Error(exitReason ?? 'the stack exited')));
      });
      children();
    },
    children,
    /** RSS of each named process of the stack (and of the stack's own process). */
    rss(): Record<string, Rss> {
      const result: Record<string, Rss> = {};
      for (const p of [{ pid, name: 'stack' }, ...children()]) {
        const rss = rssOf(p.pid);
        if (rss) result[p.name] = rss;
      }
      return result;
    },
    /** CPU seconds used so far by each named process of the stack (and the stack's own). */
    cpuSeconds(): Record<string, number> {
      const result: Record<string, number> = {};
      for (const p of [{ pid, name: 'stack' }, ...children()]) {
        const s = cpuSecondsOf(p.pid);
        if (s !== null) result[p.name] = (result[p.name] ?? 0) + s;
      }
      return result;
    },
    /** pid → name of every process seen (for naming the CPU profiles). */
    names: (): Map<number, string> => new Map([...known].map(([p, info]) => [p, info.name])),
    /**
     * SIGTERM to the stack (it stops its services, Connect, Kafka and MongoDB in order),
     * SIGKILL after 90 s; then any process of it still running is stopped by its pid.
     */
    stop(): Promise<void> {
      stopping ??= (async () => {
        children();
        if (!exitReason) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => {
            console.error('bench: the stack did not stop in time; killing it');
            child.kill('SIGKILL');
          }, STOP_DEADLINE_MS);
          await exited;
          clearTimeout(timer);
        }
        await stopLeftovers([...known.values()]);
        await new Promise<void>((r) => out.end(r));
      })();
      return stopping;
    },
  };
}

export type RunningStack = ReturnType<typeof startStack>;

/**
 * Starts the stack and waits until it is up. On a fresh Kafka a service may fail on a topic
 * another one is creating, so a stack that exits before it is up is started again on the same
 * (still empty) data, up to `attempts` times, where the topics now exist. `holder.stack` is
 * always the latest stack (for a cleanup meanwhile); each restart's reason goes to `failures`.
 */
export async function startStackUntilUp(
  holder: { stack: RunningStack },
  opts: StartStackOptions,
  attempts: number,
  failures: string[],
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await holder.stack.ready();
      return;
    } catch (err) {
      if (attempt >= attempts || !holder.stack.exitReason()) throw err;
      const why = /failed to start: .*/.exec(holder.stack.recentOutput())?.[0] ?? String(err);
      failures.push(why);
      console.error(`bench: ${why}; starting the stack again (attempt ${attempt + 1})`);
      await holder.stack.stop();
      holder.stack = startStack({ ...opts, appendLog: true });
    }
  }
}

/** Services notice their parent is gone and the JVMs' watchdogs exit; this makes sure of it. */
async function stopLeftovers(procs: Array<ProcessInfo & { cmdline: string }>): Promise<void> {
  const alive = () => procs.filter((p) => isRunning(p.pid, p.cmdline));
  const deadline = Date.now() + LEFTOVER_GRACE_MS;
  while (alive().length > 0 && Date.now() < deadline) await sleep(250);
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    const left = alive();
    if (left.length === 0) return;
    console.error(
      `bench: ${signal} to leftovers ${left.map((p) => `${p.name}(${p.pid})`).join(', ')}`,
    );
    for (const p of left) {
      try {
        process.kill(p.pid, signal);
      } catch {
        // gone meanwhile
      }
    }
    const until = Date.now() + LEFTOVER_GRACE_MS;
    while (alive().length > 0 && Date.now() < until) await sleep(250);
  }
}
