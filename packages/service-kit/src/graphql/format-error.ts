import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode, isDomainError } from '@tally/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { isStoreUnreachable } from '../data/mongo-errors';

/**
 * Codes a client may see (the contract's, which the gateway gets from subgraphs as plain
 * GraphQL errors); anything else is masked. Apollo's own request errors pass too.
 */
const PASS_THROUGH = new Set<string>([
  ...Object.values(ErrorCode).filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Domain errors become their contract code; known GraphQL codes pass; a database that does not
 * answer is UNAVAILABLE (a dependency is down); everything else is logged in full and answered
 * as INTERNAL_SERVER_ERROR with no detail.
 */
export function createFormatError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (isDomainError(original)) {
      return {
        message: original.message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: original.code },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PASS_THROUGH.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    if (isStoreUnreachable(original)) {
      logger.warn({ reason: (original as Error).message }, 'the database did not answer');
      return {
        message: 'The database did not answer; try again shortly',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.UNAVAILABLE },
      };
    }
    logger.error(
      { err: original instanceof Error ? original : new GraphQLError(formatted.message) },
      'unexpected error in a resolver',
    );
    return {
      message: 'Internal error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
