import { join, resolve } from 'node:path';

export type RuntimeName = 'kafka' | 'mongo' | 'connect';
/** A Kafka Connect plugin: its own Maven project, its own class loader on the worker. */
export type ConnectPlugin = 'connect-plugins/mongo-sink';
/** A Maven project `infra/<name>/pom.xml` whose runtime jars land in `infra/.cache/<name>/lib`. */
export type JarSet = RuntimeName | ConnectPlugin;
/** `test`: one jest run (free ports, temp data); `stack`: `npm start` (fixed ports, .data/). */
export type InfraMode = 'test' | 'stack';

/** Where everything lives, relative to the repository root. All of it is git-ignored. */
export const infraPaths = (rootDir: string) => ({
  pom: (name: JarSet) => join(rootDir, 'infra', name, 'pom.xml'),
  cache: (name: JarSet) => join(rootDir, 'infra', '.cache', name),
  lib: (name: JarSet) => join(rootDir, 'infra', '.cache', name, 'lib'),
  kafkaLog4j: join(rootDir, 'infra', 'kafka', 'log4j2.properties'),
  kafkaLauncher: join(rootDir, 'infra', 'kafka', 'KafkaWithParent.java'),
  mongoServer: join(rootDir, 'infra', 'mongo', 'TallyMongoServer.java'),
  connectLog4j: join(rootDir, 'infra', 'connect', 'log4j2.properties'),
  /** The worker's plugin.path: each plugin is a folder of jars below it. */
  connectPlugins: join(rootDir, 'infra', '.cache', 'connect-plugins'),
  pids: join(rootDir, '.data', 'pids'),
  data: join(rootDir, '.data'),
  logs: join(rootDir, '.logs'),
});

/**
 * The stack's data folder (Kafka, MongoDB's H2 file, Connect): TALLY_DATA_DIR when set (a
 * bench's fresh one), else `.data/`. Pid files stay in `.data/pids`, where every start looks.
 */
export const stackDataDir = (rootDir: string, env: NodeJS.ProcessEnv): string =>
  env.TALLY_DATA_DIR?.trim() ? resolve(env.TALLY_DATA_DIR.trim()) : join(rootDir, '.data');
