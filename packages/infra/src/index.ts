export { provideInfra, STACK_PORTS, type Infra, type ProvideInfraOptions } from './provide-infra';
export { startKafka, type KafkaServer, type StartKafkaOptions } from './kafka-server';
export { startMongo, type MongoServer, type StartMongoOptions } from './mongo-server';
export {
  startConnect,
  MONGO_SINK_CONNECTOR,
  type ConnectWorker,
  type StartConnectOptions,
} from './connect-worker';
export { renderConnectProperties } from './connect-properties';
export { ensureJars, jarsUpToDate } from './ensure-jars';
export { freePort, isPortFree, assertPortFree } from './free-port';
export { renderKafkaProperties, newClusterId, clusterIdOf } from './kafka-properties';
export { staleAction, type PidRecord, type StaleAction } from './pid-files';
export { findOnPath, requireCommand } from './find-command';
export { preflight } from './preflight';
export { testLogFile } from './test-logs';
export { stackDataDir, type InfraMode, type RuntimeName, type JarSet } from './paths';
