import { join } from 'node:path';

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
