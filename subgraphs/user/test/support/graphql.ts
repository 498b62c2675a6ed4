import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { createContextFactory, type Context } from '../../src/context';
import { resolvers } from '../../src/resolvers';
import { schema } from '../../src/server';
import type { UserDeps } from '../../src/use-cases/deps';

/** The subgraph's schema and resolvers in process, one fresh context per operation. */
export async function userGraphql(deps: UserDeps) {
  const server = new ApolloServer<Context>({
    schema: buildSubgraphSchema({ typeDefs: schema.typeDefs, resolvers }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const context = createContextFactory(deps);
  return {
    async run(query: string, variables: Record<string, unknown> = {}) {
      const res = await server.executeOperation(
        { query, variables },
        { contextValue: await context() },
      );
      if (res.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = res.body.singleResult;
      if (errors) throw new Error(JSON.stringify(errors));
      return data as Record<string, unknown>;
    },
    stop: () => server.stop(),
  };
}
