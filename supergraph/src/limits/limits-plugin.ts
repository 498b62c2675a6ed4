import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { sizeOperation } from './operation-cost';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

const refuse = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Refuses an operation over a limit once it is parsed and validated, before anything runs. */
export function limitsPlugin(limits: OperationLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const d of document.definitions)
            if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
          const size = sizeOperation(
            schema,
            operation,
            fragments,
            request.variables ?? {},
            limits.maxDepth + 1,
          );
          if (size.depth > limits.maxDepth)
            throw refuse(`query depth is over the limit of ${limits.maxDepth}`);
          if (size.aliases > limits.maxAliases)
            throw refuse(
              `the operation has ${size.aliases} aliases, over the limit of ${limits.maxAliases}`,
            );
          if (size.cost > limits.maxCost)
            throw refuse(
              `query cost ${size.cost.toLocaleString('en-US')} is over the limit of ${limits.maxCost.toLocaleString('en-US')} (each field 1, a list multiplies by its page size or 100)`,
            );
        },
      };
    },
  };
}
