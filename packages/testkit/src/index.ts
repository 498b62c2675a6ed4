export { uniqueName } from './unique-name';
export { kafkaBrokers, mongoUrl, mongoUrlFor } from './infra-env';
