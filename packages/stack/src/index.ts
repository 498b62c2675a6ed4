export { startServiceProcess, type ServiceProcess } from './service-process';
export { waitReady } from './wait-ready';
export { createPrefixer, formatLine } from './log-prefixer';
export { SERVICES, serviceEnv, type ServiceSpec } from './services';
export { watchConnector, type WatchOutput } from './connect';
