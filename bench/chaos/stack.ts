import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { applyUsageBackupConnector, backupSettings } from '@tally/backup';
import {
  assertPortFree,
  startConnect,
  startKafka,
  startMongo,
  STACK_PORTS,
  type ConnectWorker,
  type KafkaServer,
  type MongoServer,
} from '@tally/infra';
import {
  formatLine,
  SERVICES,
  serviceEnv,
  startServiceProcess,
  waitReady,
  type ServiceProcess,
  type ServiceSpec,
  watchConnector,
} from '@tally/stack';
import { cpuSecondsOf, rssOf, type Rss } from '../scale/processes';
import type { StackLog } from '../scale/stack-log';

/** A process of the stack the chaos run can kill, stop or freeze. */
export type ServiceName =
  'config' | 'issuer' | 'registry' | 'user' | 'usage' | 'settlement' | 'gateway' | 'web';
export type InfraName = 'kafka' | 'mongo' | 'connect';

export interface ChaosStackOptions {
  /** The tree whose built dist/ and infra/ run. */
  root: string;
  /** TALLY_DATA_DIR of the run: Kafka's log dirs, MongoDB's H2 file, Connect, the issuer's key. */
  dataDir: string;
  /** Folder for the stack's output (services.log) and the JVMs' logs (one file per start). */
  logDir: string;
  log: StackLog;
  /** A service that exits when nobody stopped it (it is started again, as a supervisor would). */
  onUnexpectedExit: (name: string, reason: string) => void;
  readyDeadlineMs?: number;
}

const READY_DEADLINE_MS = 180_000;
const STOP_GRACE_MS = 5_000;
const RESTART_DELAY_MS = 1_000;
const spec = (name: string): ServiceSpec => SERVICES.find((s) => s.name === name)!;

/**
 * The stack as `npm start` composes it (packages/stack/src/cli.ts: Kafka and MongoDB, then a
 * Kafka Connect worker with the usage backup connector, then the services in waves), but with
 * each piece held here, so that one can be killed, frozen or restarted on its own port with
 * its data kept. The same exported pieces (@tally/infra's servers, @tally/stack's service
 * processes, @tally/backup's connector) and the same environment; fixed ports.
 */
export async function startChaosStack(opts: ChaosStackOptions) {
  const deadlineMs = opts.readyDeadlineMs ?? READY_DEADLINE_MS;
  mkdirSync(opts.logDir, { recursive: true });
  const out: WriteStream = createWriteStream(join(opts.logDir, 'services.log'), { flags: 'w' });
  const starts: Record<string, number> = {};
  /** `<name>.log`, then `<name>.2.log`, …: a restarted JVM truncates its log file. */
  const jvmLog = (name: InfraName) => {
    starts[name] = (starts[name] ?? 0) + 1;
    return join(opts.logDir, starts[name] === 1 ? `${name}.log` : `${name}.${starts[name]}.log`);
  };
  const note = (line: string) => {
    out.write(`${line}\n`);
    opts.log.add(line);
  };
  const pipe = (name: string, stream: Readable) =>
    createInterface({ input: stream }).on('line', (line) =>
      note(`${name.padEnd(10)} | ${formatLine(line)}`),
    );

  for (const s of SERVICES) await assertPortFree(s.port, s.name, 'nothing (stop it first)');
  for (const port of [STACK_PORTS.kafka, STACK_PORTS.mongo, STACK_PORTS.connect])
    await assertPortFree(port, `port ${port}`, 'nothing (stop it first)');

  /** CPU seconds of incarnations that are gone, per name (a restart starts a new count). */
  const retiredCpu: Record<string, number> = {};
  const retire = (name: string, pid: number) => {
    const s = cpuSecondsOf(pid);
    if (s !== null) retiredCpu[name] = (retiredCpu[name] ?? 0) + s;
  };

  const kafkaOptions = () => ({
    rootDir: opts.root,
    mode: 'stack' as const,
    port: STACK_PORTS.kafka,
    controllerPort: STACK_PORTS.kafkaController,
    dataDir: join(opts.dataDir, 'kafka'),
    logFile: jvmLog('kafka'),
    log: note,
  });
  const mongoOptions = () => ({
    rootDir: opts.root,
    mode: 'stack' as const,
    port: STACK_PORTS.mongo,
    h2File: join(opts.dataDir, 'mongo', 'tally.mv'),
    logFile: jvmLog('mongo'),
    log: note,
  });
  let [kafka, mongo]: [KafkaServer, MongoServer] = await Promise.all([
    startKafka(kafkaOptions()),
    startMongo(mongoOptions()),
  ]);
  note(`infra: Kafka ${kafka.brokers}, MongoDB ${mongo.url} (data in ${opts.dataDir})`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TALLY_DATA_DIR: opts.dataDir,
    KAFKA_BROKERS: kafka.brokers,
    MONGO_URL: mongo.url,
    CONFIG_SERVICE_URL: `http://127.0.0.1:${spec('config').port}`,
  };
  delete env.CONNECT_URL;
  const connectOptions = () => ({
    rootDir: opts.root,
    mode: 'stack' as const,
    brokers: kafka.brokers,
    port: STACK_PORTS.connect,
    dataDir: join(opts.dataDir, 'connect'),
    logFile: jvmLog('connect'),
    log: note,
  });
  const backup = backupSettings({ ...env, CONNECT_URL: `http://127.0.0.1:${STACK_PORTS.connect}` });
  const connectReady = startConnect(connectOptions());

  const procs = new Map<ServiceName, ServiceProcess>();
  /** Names we are stopping or killing on purpose: their exit is not news. */
  const expected = new Set<string>();
  async function startService(name: ServiceName): Promise<void> {
    const s = spec(name);
    // As npm start runs them (periods close only by closePeriod unless BILLING_AUTO_CLOSE says).
    const proc = startServiceProcess(join(opts.root, s.entry), serviceEnv(env, s), (why) => {
      if (expected.has(name)) return;
      opts.onUnexpectedExit(name, why);
      // As a supervisor would: start it again after a second, on the same port with the same
      // data. One that dies again while starting is reported (and started again) by this same
      // callback of its new process.
      setTimeout(() => {
        if (!expected.has(name)) void startService(name).catch(() => {});
      }, RESTART_DELAY_MS);
    });
    procs.set(name, proc);
    pipe(name, proc.child.stdout!);
    pipe(name, proc.child.stderr!);
    await waitReady(`http://127.0.0.1:${s.port}/health/ready`, deadlineMs, proc.exitReason);
  }
  for (const wave of [...new Set(SERVICES.map((s) => s.wave))])
    await Promise.all(
      SERVICES.filter((s) => s.wave === wave).map((s) => startService(s.name as ServiceName)),
    );
  let connect: ConnectWorker = await connectReady;
  const applied = await applyUsageBackupConnector(backup);
  note(`infra: usage backup ${applied.name} RUNNING on ${connect.url} (${applied.action})`);
  // As the stack does: reports the connector's state and restarts a task Connect failed.
  const unwatch = watchConnector(connect.url, backup.connectorName, 5_000, {
    log: note,
    error: note,
  });

  const pidOf = (name: ServiceName | InfraName): number => {
    if (name === 'kafka') return kafka.pid;
    if (name === 'mongo') return mongo.pid;
    if (name === 'connect') return connect.pid;
    return procs.get(name)?.child.pid ?? -1;
  };

  return {
    env,
    kafkaBrokers: kafka.brokers,
    mongoUrl: mongo.url,
    connectUrl: connect.url,
    backup,
    note,
    pidOf,
    portOf: (name: ServiceName) => spec(name).port,

    /** SIGKILL, as in a crash; resolves once it is gone. */
    async kill(name: ServiceName): Promise<void> {
      const proc = procs.get(name)!;
      expected.add(name);
      retire(name, pidOf(name));
      const gone = new Promise<void>((r) =>
        proc.exitReason() ? r() : proc.child.once('exit', () => r()),
      );
      proc.child.kill('SIGKILL');
      await gone;
    },
    /** Starts it again on its port with the same data; resolves once /health/ready answers. */
    async start(name: ServiceName): Promise<void> {
      expected.delete(name);
      await startService(name);
    },
    freeze: (name: ServiceName) => process.kill(pidOf(name), 'SIGSTOP'),
    thaw: (name: ServiceName) => process.kill(pidOf(name), 'SIGCONT'),

    /** Stops the broker (SIGTERM: a controlled shutdown) and starts it on the same log dirs. */
    async restartKafka(between: () => void = () => {}): Promise<void> {
      retire('kafka', kafka.pid);
      await kafka.stop();
      between();
      kafka = await startKafka(kafkaOptions());
    },
    /** Stops the Mongo-wire server (SIGTERM: H2 closes its file) and starts it on the same file. */
    async restartMongo(between: () => void = () => {}): Promise<void> {
      retire('mongo', mongo.pid);
      await mongo.stop();
      between();
      mongo = await startMongo(mongoOptions());
    },
    /** SIGKILL the Connect worker (nothing committed), start it again, apply the connector. */
    async killConnect(between: () => void = () => {}): Promise<void> {
      retire('connect', connect.pid);
      await connect.kill();
      between();
      connect = await startConnect(connectOptions());
      // A standalone worker keeps no connector configs: applied again, it resumes from the
      // offsets its sink group committed in Kafka.
      await applyUsageBackupConnector(backup);
    },

    /** CPU seconds each process has used over the run (all its incarnations). */
    cpuSeconds(): Record<string, number> {
      const result: Record<string, number> = { ...retiredCpu };
      for (const name of [...procs.keys(), 'kafka', 'mongo', 'connect'] as const) {
        const s = cpuSecondsOf(pidOf(name));
        if (s !== null) result[name] = (result[name] ?? 0) + s;
      }
      return result;
    },
    rss(): Record<string, Rss> {
      const result: Record<string, Rss> = {};
      for (const name of [...procs.keys(), 'kafka', 'mongo', 'connect'] as const) {
        const r = rssOf(pidOf(name));
        if (r) result[name] = r;
      }
      return result;
    },

    /** Everything down, in reverse order (a frozen process is thawed first). */
    async stop(): Promise<void> {
      unwatch();
      for (const name of procs.keys()) {
        expected.add(name);
        try {
          process.kill(pidOf(name), 'SIGCONT');
        } catch {
          // gone
        }
      }
      const waves = [...new Set(SERVICES.map((s) => s.wave))].sort((a, b) => b - a);
      for (const wave of waves)
        await Promise.all(
          SERVICES.filter((s) => s.wave === wave).map(
            (s) => procs.get(s.name as ServiceName)?.stop(STOP_GRACE_MS) ?? Promise.resolve(),
          ),
        );
      await connect.stop().catch(() => {});
      await Promise.all([kafka.stop().catch(() => {}), mongo.stop().catch(() => {})]);
      await new Promise<void>((r) => out.end(r));
    },
  };
}

export type ChaosStack = Awaited<ReturnType<typeof startChaosStack>>;
