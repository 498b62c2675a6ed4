import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { authorizeSchema } from './authorize-schema';

/** A federation subgraph schema with its @authorize rules enforced. */
export function buildAuthorizedSubgraphSchema(
  typeDefs: DocumentNode,
  resolvers: GraphQLResolverMap<unknown>,
): GraphQLSchema {
  return authorizeSchema(buildSubgraphSchema({ typeDefs, resolvers }));
}
