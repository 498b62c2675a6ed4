import { join } from 'node:path';
import {
  applyUsageBackupConnector,
  backupSettings,
  connectClient,
  connectorHealth,
  type ConnectorHealth,
  type UsageBackupConnector,
} from '@tally/backup';
import { preflight, stackDataDir, startConnect, STACK_PORTS } from '@tally/infra';

export interface ProvidedConnect {
  url: string;
  stop: () => Promise<void>;
}

/** Before anything starts: a crashed stack's worker is gone and port 8083 is free. */
export async function connectPreflight(rootDir: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.CONNECT_URL?.trim()) await preflight(rootDir, 'stack', 'connect', [STACK_PORTS.connect]);
}

/**
 * The stack's Kafka Connect worker: the one CONNECT_URL names (nothing started), or a
 * standalone worker on 127.0.0.1:8083 (data in .data/connect or $TALLY_DATA_DIR/connect, log in
 * .logs/connect.log).
 */
export async function provideConnect(
  rootDir: string,
  brokers: string,
  env: NodeJS.ProcessEnv,
): Promise<ProvidedConnect> {
  const external = env.CONNECT_URL?.trim();
  if (external) {
    console.log(`infra: using Kafka Connect at ${external} (CONNECT_URL)`);
    return { url: external.replace(/\/+$/, ''), stop: async () => {} };
  }
  const started = Date.now();
  const worker = await startConnect({
    rootDir,
    mode: 'stack',
    brokers,
    port: STACK_PORTS.connect,
    dataDir: join(stackDataDir(rootDir, env), 'connect'),
    logFile: join(rootDir, '.logs', 'connect.log'),
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`infra: Kafka Connect ready on ${worker.url} (${secs} s, log ${worker.logFile})`);
  return { url: worker.url, stop: worker.stop };
}

/**
 * Applies the usage backup connector once the usage topic exists (the usage subgraph creates
 * it at start; a sink subscribing first would have the broker auto-create it with defaults).
 */
export function applyBackupConnector(
  connectUrl: string,
  mongoUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<UsageBackupConnector> {
  return applyUsageBackupConnector(
    backupSettings({ ...env, CONNECT_URL: connectUrl, MONGO_URL: mongoUrl }),
  );
}

/** Where `watchConnector` reports: the stack's terminal by default. */
export interface WatchOutput {
  log: (line: string) => void;
  error: (line: string) => void;
}

/** The longest pause between two restarts of a task that keeps failing. */
const MAX_RESTART_PAUSE_MS = 5 * 60_000;

/**
 * Reports the connector's state whenever it changes after start (a task that fails later, say
 * on a MongoDB write, and its recovery), so the backup never stops silently. A task Connect
 * failed stays FAILED until someone restarts it (the MongoDB sink retries no write: a
 * MongoDB restart fails the task for good); this restarts failed tasks, at once and then
 * after pauses doubling to 5 min while they keep failing. Nothing is lost meanwhile: the sink
 * commits only offsets it wrote, so a restarted task sends the rest again (replace by `_id`).
 * A connector paused or stopped by someone is left alone. Returns `stop`.
 */
export function watchConnector(
  connectUrl: string,
  name: string,
  intervalMs = 5_000,
  out: WatchOutput = { log: console.log, error: console.error },
): () => void {
  const client = connectClient(connectUrl);
  let last = 'RUNNING';
  let restarts = 0;
  let nextRestartAt = 0;
  const restartFailed = async () => {
    restarts += 1;
    nextRestartAt = Date.now() + Math.min(MAX_RESTART_PAUSE_MS, intervalMs * 2 ** restarts);
    const res = await fetch(
      `${connectUrl}/connectors/${encodeURIComponent(name)}/restart?includeTasks=true&onlyFailed=true`,
      { method: 'POST', signal: AbortSignal.timeout(10_000) },
    );
    await res.body?.cancel();
    out.log(
      `stack: usage backup ${name}: restarting what failed (restart ${restarts}, HTTP ${res.status})`,
    );
  };
  const timer = setInterval(() => {
    client.status(name).then(
      (status) => {
        const health: ConnectorHealth | { state: 'MISSING'; reason: string } = status
          ? connectorHealth(status)
          : { state: 'MISSING', reason: 'the worker no longer knows it' };
        if (health.state === 'RUNNING') restarts = nextRestartAt = 0;
        const failed = [status?.connector.state, ...(status?.tasks ?? []).map((t) => t.state)];
        if (failed.includes('FAILED') && Date.now() >= nextRestartAt)
          void restartFailed().catch(() => {}); // the worker unreachable: the next tick tries
        if (health.state === last) return;
        last = health.state;
        if (health.state === 'RUNNING') out.log(`stack: usage backup ${name} RUNNING again`);
        else out.error(`stack: usage backup ${name} ${health.state}: ${health.reason}`);
      },
      () => {}, // the worker unreachable: its own log says why
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
