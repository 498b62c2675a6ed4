import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ensureJars } from './ensure-jars';
import { requireCommand } from './find-command';
import { freePort } from './free-port';
import { awaitReady, spawnJava } from './java-process';
import { infraPaths, type InfraMode } from './paths';
import { preflight } from './preflight';

export interface StartMongoOptions {
  rootDir: string;
  /** Keys the pid files, so a test run never touches the stack's server. Default 'test'. */
  mode?: InfraMode;
  /** A free one when omitted. */
  port?: number;
  /** H2 MVStore file that keeps the data across restarts; in memory when omitted. */
  h2File?: string;
  /** The server's stdout and stderr (truncated on start). */
  logFile: string;
  /** The server exits when this process is gone. Default: this Node process. */
  parentPid?: number;
  readyDeadlineMs?: number;
  log?: (line: string) => void;
}

export interface MongoServer {
  /** `mongodb://127.0.0.1:PORT`, for MONGO_URL. */
  url: string;
  pid: number;
  logFile: string;
  stop: () => Promise<void>;
}

/**
 * SIGTERM runs the server's shutdown hook, which closes the client connections and then the
 * H2 file (its last commit). Under load that took longer than 5 s, and the SIGKILL that
 * followed lost every write since the store's last commit, acknowledged ones included (the
 * chaos run: a batch written ~10 s before the stop was gone after it). Time enough to close.
 */
const STOP_GRACE_MS = 60_000;

/** Starts mongo-java-server (infra/mongo/TallyMongoServer.java); resolves once it answers ping. */
export async function startMongo(opts: StartMongoOptions): Promise<MongoServer> {
  const { rootDir, logFile, h2File, mode = 'test', parentPid = process.pid } = opts;
  requireCommand('java');
  const paths = infraPaths(rootDir);
  const lib = await ensureJars(rootDir, 'mongo', opts.log);
  await preflight(rootDir, mode, 'mongo', [opts.port]);
  const port = opts.port ?? (await freePort());
  if (h2File) mkdirSync(dirname(h2File), { recursive: true });

  // 1 GiB: room for the H2 store's 128 MB page cache and 16 MB commit buffer under load.
  const args = ['-Xmx1g', '-cp', join(lib, '*'), paths.mongoServer, '--port', String(port)];
  if (h2File) args.push('--h2', h2File);
  args.push('--parent-pid', String(parentPid));
  const server = spawnJava({
    name: 'mongo',
    mode,
    logFile,
    pidDir: paths.pids,
    marker: paths.mongoServer,
    parentPid,
    args,
  });
  const url = `mongodb://127.0.0.1:${port}`;
  await awaitReady(server, () => ping(url), {
    what: 'MongoDB',
    logFile,
    deadlineMs: opts.readyDeadlineMs ?? 60_000,
    intervalMs: 200,
  });
  return { url, pid: server.pid, logFile, stop: () => server.stop(STOP_GRACE_MS) };
}

async function ping(url: string): Promise<void> {
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  } finally {
    await client.close();
  }
}
