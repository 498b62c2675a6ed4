import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { probeBroker } from '@tally/messaging';
import { ensureJars } from './ensure-jars';
import { requireCommand } from './find-command';
import { freePort } from './free-port';
import { awaitReady, spawnJava } from './java-process';
import { clusterIdOf, newClusterId, renderKafkaProperties } from './kafka-properties';
import { infraPaths, type InfraMode } from './paths';
import { preflight } from './preflight';

export interface StartKafkaOptions {
  rootDir: string;
  /** Keys the pid files, so a test run never touches the stack's broker. Default 'test'. */
  mode?: InfraMode;
  /** PLAINTEXT port; a free one when omitted. */
  port?: number;
  /** KRaft controller port; a free one when omitted. */
  controllerPort?: number;
  /** Kept across restarts when given; otherwise a temp dir removed on stop. */
  dataDir?: string;
  /** The broker's stdout and stderr (truncated on start). */
  logFile: string;
  /** The broker exits when this process is gone. Default: this Node process. */
  parentPid?: number;
  readyDeadlineMs?: number;
  log?: (line: string) => void;
}

export interface KafkaServer {
  /** `127.0.0.1:PORT`, for KAFKA_BROKERS. */
  brokers: string;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
}

const STOP_GRACE_MS = 10_000;
const execFileAsync = promisify(execFile);

/** Starts a one-node KRaft Kafka broker from the Maven Central jars; resolves once it serves. */
export async function startKafka(opts: StartKafkaOptions): Promise<KafkaServer> {
  const { rootDir, logFile, mode = 'test', parentPid = process.pid } = opts;
  const java = requireCommand('java');
  const paths = infraPaths(rootDir);
  const lib = await ensureJars(rootDir, 'kafka', opts.log);
  await preflight(rootDir, mode, 'kafka', [opts.port, opts.controllerPort]);
  const port = opts.port ?? (await freePort());
  const controllerPort = opts.controllerPort ?? (await freePort());

  const temporary = opts.dataDir === undefined;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'tally-kafka-'));
  const removeTemp = () => temporary && rmSync(dataDir, { recursive: true, force: true });
  const classpath = join(lib, '*');
  const log4j = `-Dlog4j2.configurationFile=${paths.kafkaLog4j}`;
  const logDir = join(dataDir, 'kraft');
  const propsFile = join(dataDir, 'server.properties');
  try {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(propsFile, renderKafkaProperties({ port, controllerPort, logDir }));
    await formatStorage(java, [log4j, '-cp', classpath], propsFile, logDir);
  } catch (err) {
    removeTemp();
    throw err;
  }

  const server = spawnJava({
    name: 'kafka',
    mode,
    logFile,
    pidDir: paths.pids,
    marker: lib,
    parentPid,
    ...(temporary && { tempDir: dataDir }),
    args: [
      ...['-Xmx512m', log4j, '-cp', classpath, paths.kafkaLauncher],
      ...['--parent-pid', String(parentPid), 'kafka.Kafka', propsFile],
    ],
  });
  const brokers = `127.0.0.1:${port}`;
  // Ready = it answers metadata and a group coordinator is loaded (see probeBroker).
  await awaitReady(server, () => probeBroker([brokers]), {
    what: 'Kafka',
    logFile,
    deadlineMs: opts.readyDeadlineMs ?? 90_000,
    cleanup: removeTemp,
  });
  return {
    brokers,
    pid: server.pid,
    logFile,
    async stop() {
      await server.stop(STOP_GRACE_MS);
      removeTemp();
    },
  };
}

/** Formats the KRaft log dir once; a formatted one keeps its cluster id across restarts. */
async function formatStorage(java: string, jvmArgs: string[], propsFile: string, logDir: string) {
  const meta = join(logDir, 'meta.properties');
  if (existsSync(meta) && clusterIdOf(readFileSync(meta, 'utf8'))) return;
  const args = ['-Xmx256m', ...jvmArgs, 'kafka.tools.StorageTool', 'format'];
  args.push('-t', newClusterId(), '-c', propsFile, '--ignore-formatted');
  try {
    await execFileAsync(java, args);
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string };
    throw new Error(`kafka-storage format failed: ${`${stdout}${stderr}`.trim()}`);
  }
}
