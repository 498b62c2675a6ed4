import { join } from 'node:path';
import { ensureJars } from './ensure-jars';
import { requireCommand } from './find-command';
import { startKafka } from './kafka-server';
import { startMongo } from './mongo-server';
import { infraPaths, stackDataDir, type InfraMode } from './paths';
import { preflight } from './preflight';
import { pruneTestLogs, testLogFile } from './test-logs';

export interface ProvideInfraOptions {
  mode: InfraMode;
  /** The repository root (holds infra/, .data/, .logs/). */
  rootDir: string;
  log?: (line: string) => void;
  /** Defaults to process.env; tests pass their own. */
  env?: NodeJS.ProcessEnv;
}

export interface Infra {
  kafkaBrokers: string;
  mongoUrl: string;
  /** Stops what this call started (nothing when both came from the environment). */
  stop(): Promise<void>;
}

/** Fixed ports and on-disk data of `npm start`. */
export const STACK_PORTS = {
  kafka: 9092,
  kafkaController: 9093,
  mongo: 27017,
  /** Kafka Connect's REST API (started by the stack itself, not here). */
  connect: 8083,
} as const;

interface Provided {
  address: string;
  stop: () => Promise<void>;
}

/**
 * Kafka and MongoDB for a test run or the local stack. Each comes from the environment when
 * KAFKA_BROKERS / MONGO_URL is set (nothing is started), otherwise from a child JVM: Kafka 4.1
 * in KRaft mode and mongo-java-server (see infra/README.md). Testcontainers is not tried: the
 * machines this project runs on have no container engine.
 *
 * test: free ports, in-memory MongoDB, Kafka in a temp dir, logs in .logs/test-<name>-<pid>.log.
 * stack: Kafka on 9092 (controller 9093) with data in .data/kafka, MongoDB on 27017 with its
 * H2 file .data/mongo/tally.mv (TALLY_DATA_DIR instead of .data/ when set), logs in
 * .logs/kafka.log and .logs/mongo.log.
 */
export async function provideInfra(opts: ProvideInfraOptions): Promise<Infra> {
  const { mode, rootDir, log = console.log, env = process.env } = opts;
  const paths = infraPaths(rootDir);
  const dataDir = stackDataDir(rootDir, env);
  const stack = mode === 'stack';
  const fromEnv = { kafka: env.KAFKA_BROKERS?.trim(), mongo: env.MONGO_URL?.trim() };

  if (!fromEnv.kafka || !fromEnv.mongo) requireCommand('java');
  if (!stack) pruneTestLogs(paths.logs);
  // Sequential: two Maven runs at once may trip over each other in ~/.m2.
  if (!fromEnv.kafka) await ensureJars(rootDir, 'kafka', log);
  if (!fromEnv.mongo) await ensureJars(rootDir, 'mongo', log);
  // Fail on a taken fixed port before spending seconds on starting the other server.
  const { kafka: kafkaPort, kafkaController, mongo: mongoPort } = STACK_PORTS;
  if (stack && !fromEnv.kafka)
    await preflight(rootDir, mode, 'kafka', [kafkaPort, kafkaController]);
  if (stack && !fromEnv.mongo) await preflight(rootDir, mode, 'mongo', [mongoPort]);

  const kafka = async (): Promise<Provided> => {
    if (fromEnv.kafka) {
      log(`infra: using Kafka at ${fromEnv.kafka} (KAFKA_BROKERS)`);
      return { address: fromEnv.kafka, stop: async () => {} };
    }
    const started = Date.now();
    const server = await startKafka({
      rootDir,
      mode,
      log,
      logFile: stack ? join(paths.logs, 'kafka.log') : testLogFile(paths.logs, 'kafka'),
      ...(stack && {
        port: STACK_PORTS.kafka,
        controllerPort: STACK_PORTS.kafkaController,
        dataDir: join(dataDir, 'kafka'),
      }),
    });
    log(`infra: Kafka ready on ${server.brokers} (${seconds(started)} s, log ${server.logFile})`);
    return { address: server.brokers, stop: server.stop };
  };

  const mongo = async (): Promise<Provided> => {
    if (fromEnv.mongo) {
      log(`infra: using MongoDB at ${fromEnv.mongo} (MONGO_URL)`);
      return { address: fromEnv.mongo, stop: async () => {} };
    }
    const started = Date.now();
    const h2File = stack ? join(dataDir, 'mongo', 'tally.mv') : undefined;
    const server = await startMongo({
      rootDir,
      mode,
      log,
      logFile: stack ? join(paths.logs, 'mongo.log') : testLogFile(paths.logs, 'mongo'),
      ...(stack && { port: STACK_PORTS.mongo, h2File }),
    });
    const where = h2File ? `data in ${h2File}` : 'in memory';
    log(`infra: MongoDB ready on ${server.url} (${seconds(started)} s, ${where})`);
    return { address: server.url, stop: server.stop };
  };

  const [k, m] = await Promise.allSettled([kafka(), mongo()]);
  if (k.status === 'rejected' || m.status === 'rejected') {
    await Promise.all([k, m].flatMap((r) => (r.status === 'fulfilled' ? [r.value.stop()] : [])));
    const errors = [k, m].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    throw errors.length === 1 ? errors[0] : new Error(errorSummary(errors));
  }
  let stopping: Promise<void> | undefined;
  return {
    kafkaBrokers: k.value.address,
    mongoUrl: m.value.address,
    stop() {
      stopping ??= Promise.all([k.value.stop(), m.value.stop()]).then(() => undefined);
      return stopping;
    },
  };
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

function errorSummary(errors: unknown[]): string {
  return errors.map((e) => (e instanceof Error ? e.message : String(e))).join('\n\n');
}
