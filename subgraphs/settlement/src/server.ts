import { createSubgraphApp, mongoHealth, kafkaHealth, readSchema, type SubgraphDeps, type BuiltSubgraph } from '@tally/service-kit';
import type { Settings } from './config';
import { createResolvers } from './resolvers';

export const subgraphName = 'settlement';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(deps: SubgraphDeps<Settings>): Promise<BuiltSubgraph> {
  const { httpServer } = await createSubgraphApp({
    typeDefs: schema.typeDefs,
    resolvers: createResolvers(deps.db) as never,
    logger: deps.logger,
    healthChecks: { mongo: mongoHealth(deps.db), kafka: kafkaHealth(deps.kafka), registry: deps.registry.health },
    context: async () => ({}),
  });
  return { httpServer };
}
