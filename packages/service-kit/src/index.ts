export { loadSettings, SettingsError, type LoadSettingsOptions } from './settings/load-settings';
export {
  baseSettings,
  billingSettings,
  mongoSettings,
  kafkaSettings,
  registrySettings,
  metricsSettings,
  subgraphSettings,
  internalAuthSettings,
  internalSecret,
  internalSecrets,
} from './settings/common-schema';
export type {
  BaseSettings,
  MongoSettings,
  KafkaSettings,
  RegistrySettings,
  MetricsSettings,
  InternalAuthSettings,
} from './settings/common-schema';
export { DEV_SECRET_PREFIX } from './settings/production-rules';
export { devConfigToken } from './settings/config-token';
export { bearerToken, tokenMatches, tokenOwner } from './settings/token-owner';
export { deepMerge, type Tree } from './settings/deep-merge';
export { redactSecrets, isSecretKey } from './settings/redact';
export { createLogger, type Logger } from './logger';
export { healthRouter, type HealthCheck } from './http/health';
export { jsonBody, MAX_BODY_BYTES } from './http/json-body';
export { listen, type Listening } from './http/listen';
export { runService, type Running } from './lifecycle/run-service';
export {
  createRegistryClient,
  RegistrationRefused,
  type RegistryClient,
} from './registry/registry-client';
export {
  createSubgraphApp,
  type SubgraphApp,
  type SubgraphAppOptions,
} from './graphql/subgraph-app';
export { createFormatError } from './graphql/format-error';
export {
  AUTHORIZATION_DIRECTIVES_SDL,
  AuthorizationSchemaError,
  authorizeSchema,
  buildAuthorizedSubgraphSchema,
  identityOf,
  type AuthorizationContext,
} from './graphql/authorization';
export { connectMongo, mongoHealth } from './data/mongo';
export { readSchema } from './graphql/read-schema';
export {
  bootSubgraph,
  type SubgraphDeps,
  type SubgraphSettings,
  type BuiltSubgraph,
} from './lifecycle/boot-subgraph';
export { topicsWorker } from './lifecycle/topics-worker';
export { DateTimeScalar } from './graphql/date-time';
export { duplicateIndexes, isDuplicateKey, isStoreUnreachable } from './data/mongo-errors';
export { insertUnordered } from './data/insert-unordered';
export { encodeCursor, decodeCursor, pageSize, toConnection, MAX_PAGE_SIZE } from './paging/cursor';
export { createSubgraphClient, type SubgraphClient } from './registry/subgraph-client';
export { ensureLayout, LayoutError, type Migration, type LayoutOptions } from './data/layout';
export type { Outbox, OutboxEntry, OutboxMessage, OutboxRedo } from './outbox/outbox-types';
export { createOutbox, type OutboxOptions } from './outbox/outbox';
export { escapeKey, unescapeKey } from './data/field-key';
export { requestIdentity, setRequestIdentity } from './http/request-identity';
export { requireSignedCall, type SignedCallOptions } from './http/signed-call';
export * from './metrics';
