export { AUTHORIZATION_DIRECTIVES_SDL } from './directives';
export { AuthorizationSchemaError } from './schema-error';
export { authorizeSchema, identityOf, type AuthorizationContext } from './authorize-schema';
export { buildAuthorizedSubgraphSchema } from './authorized-subgraph-schema';
