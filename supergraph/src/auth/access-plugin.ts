import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { authorize, type Role } from './access';

const STATUS = { UNAUTHENTICATED: 401, FORBIDDEN: 403 } as const;

/** Checks every operation against the configured tokens once it is parsed and resolved. */
export function accessPlugin(tokens: Map<string, Role>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation }) {
          const verdict = authorize(
            tokens,
            request.http?.headers.get('authorization') ?? undefined,
            operation?.operation ?? 'query',
          );
          if (!verdict.ok) {
            throw new GraphQLError(verdict.message, {
              extensions: { code: verdict.code, http: { status: STATUS[verdict.code] } },
            });
          }
        },
      };
    },
  };
}
