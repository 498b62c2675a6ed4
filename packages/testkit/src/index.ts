export { uniqueName } from './unique-name';
export { kafkaBrokers, mongoUrl, mongoUrlFor } from './infra-env';
export {
  eventually,
  newTopic,
  openDb,
  silentLogger,
  testBus,
  testOutbox,
  type SentCommand,
} from './int-support';
export { parseSamples, sampleValue, metricNames, type Sample } from './prometheus-text';
