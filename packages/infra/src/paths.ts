import { join } from 'node:path';

export type RuntimeName = 'kafka' | 'mongo';
/** `test`: one jest run (free ports, temp data); `stack`: `npm start` (fixed ports, .data/). */
export type InfraMode = 'test' | 'stack';

/** Where everything lives, relative to the repository root. All of it is git-ignored. */
export const infraPaths = (rootDir: string) => ({
  pom: (name: RuntimeName) => join(rootDir, 'infra', name, 'pom.xml'),
  cache: (name: RuntimeName) => join(rootDir, 'infra', '.cache', name),
  lib: (name: RuntimeName) => join(rootDir, 'infra', '.cache', name, 'lib'),
  kafkaLog4j: join(rootDir, 'infra', 'kafka', 'log4j2.properties'),
  kafkaLauncher: join(rootDir, 'infra', 'kafka', 'KafkaWithParent.java'),
  mongoServer: join(rootDir, 'infra', 'mongo', 'TallyMongoServer.java'),
  pids: join(rootDir, '.data', 'pids'),
  data: join(rootDir, '.data'),
  logs: join(rootDir, '.logs'),
});
