import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderConnectProperties } from './connect-properties';
import { ensureJars } from './ensure-jars';
import { requireCommand } from './find-command';
import { freePort } from './free-port';
import { awaitReady, spawnJava } from './java-process';
import { ensurePluginExtras } from './plugin-manifests';
import { infraPaths, type InfraMode } from './paths';
import { preflight } from './preflight';

/** The sink that copies usage events into the backup store (infra/connect-plugins/mongo-sink). */
export const MONGO_SINK_CONNECTOR = 'com.mongodb.kafka.connect.MongoSinkConnector';

export interface StartConnectOptions {
  rootDir: string;
  /** Keys the pid files, so a test run never touches the stack's worker. Default 'test'. */
  mode?: InfraMode;
  /** The Kafka the worker reads from and keeps its consumer groups in. */
  brokers: string;
  /** REST port on 127.0.0.1; a free one when omitted. */
  port?: number;
  /** Holds worker.properties and the offsets file; a temp dir removed on stop when omitted. */
  dataDir?: string;
  /** The worker's stdout and stderr (truncated on start). */
  logFile: string;
  /** The worker exits when this process is gone. Default: this Node process. */
  parentPid?: number;
  readyDeadlineMs?: number;
  log?: (line: string) => void;
}

export interface ConnectWorker {
  /** `http://127.0.0.1:PORT`, the REST API. */
  url: string;
  pid: number;
  logFile: string;
  /** SIGTERM (the worker stops its tasks and commits their offsets), SIGKILL after 10 s. */
  stop: () => Promise<void>;
  /** SIGKILL, as in a crash: nothing is committed. */
  kill: () => Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/**
 * Starts a standalone Kafka Connect worker (Connect 4.1.1 from Maven Central, with the MongoDB
 * sink connector on its plugin path). Resolves once its REST API answers and lists the sink
 * connector among its plugins. The worker starts with no connectors: apply them over REST.
 */
export async function startConnect(opts: StartConnectOptions): Promise<ConnectWorker> {
  const { rootDir, logFile, brokers, mode = 'test', parentPid = process.pid } = opts;
  requireCommand('java');
  const paths = infraPaths(rootDir);
  // Sequential: two Maven runs at once may trip over each other in ~/.m2.
  const lib = await ensureJars(rootDir, 'connect', opts.log);
  await ensureJars(rootDir, 'connect-plugins/mongo-sink', opts.log);
  await ensurePluginExtras(rootDir, 'connect-plugins/mongo-sink', { classPathDir: lib });
  await preflight(rootDir, mode, 'connect', [opts.port]);
  const port = opts.port ?? (await freePort());

  const temporary = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-connect-'));
  const removeTemp = () => temporary && rmSync(dataDir, { recursive: true, force: true });
  const propsFile = join(dataDir, 'worker.properties');
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(
    propsFile,
    renderConnectProperties({
      brokers,
      port,
      pluginPath: paths.connectPlugins,
      offsetsFile: join(dataDir, 'offsets'),
    }),
  );

  // KafkaWithParent runs any main class under the parent watchdog; the class name stays on
  // the command line, where CI looks for leftover ConnectStandalone processes.
  const worker = spawnJava({
    name: 'connect',
    mode,
    logFile,
    pidDir: paths.pids,
    marker: lib,
    parentPid,
    ...(temporary && { tempDir: dataDir }),
    args: [
      ...['-Xmx512m', `-Dlog4j2.configurationFile=${paths.connectLog4j}`],
      ...['-cp', join(lib, '*'), paths.kafkaLauncher, '--parent-pid', String(parentPid)],
      ...['org.apache.kafka.connect.cli.ConnectStandalone', propsFile],
    ],
  });
  const url = `http://127.0.0.1:${port}`;
  await awaitReady(worker, () => probeWorker(url, MONGO_SINK_CONNECTOR), {
    what: 'Kafka Connect',
    logFile,
    deadlineMs: opts.readyDeadlineMs ?? 120_000,
    cleanup: removeTemp,
  });
  return {
    url,
    pid: worker.pid,
    logFile,
    async stop() {
      await worker.stop(STOP_GRACE_MS);
      removeTemp();
    },
    async kill() {
      await worker.kill();
      removeTemp();
    },
  };
}

/** Ready = REST answers (the herder has started) and the plugin scan found `pluginClass`. */
async function probeWorker(url: string, pluginClass: string): Promise<void> {
  const res = await fetch(`${url}/connector-plugins`, { signal: AbortSignal.timeout(2000) });
  if (!res.ok) throw new Error(`GET /connector-plugins answered ${res.status}`);
  const plugins = (await res.json()) as Array<{ class?: string }>;
  if (!plugins.some((p) => p.class === pluginClass)) {
    throw new Error(
      `plugin ${pluginClass} not found; the worker has ${plugins.map((p) => p.class).join(', ') || 'none'}`,
    );
  }
}
