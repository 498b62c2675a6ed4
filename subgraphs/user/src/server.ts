import { randomUUID } from 'node:crypto';
import {
  createOutbox,
  createSubgraphApp,
  mongoHealth,
  readSchema,
  topicsWorker,
  type BuiltSubgraph,
  type Outbox,
  type SubgraphDeps,
} from '@tally/service-kit';
import type { Settings } from './config';
import { createContextFactory } from './context';
import { createUserEvents } from './events/user-events';
import { resolvers } from './resolvers';
import { makeStores } from './store';
import { ensureUserLayout } from './store/layout';
import { makeRedo } from './use-cases/redo';

export const subgraphName = 'user';
export const schema = readSchema(`${__dirname}/..`);

export async function createServer(
  deps: SubgraphDeps<Settings>,
): Promise<BuiltSubgraph & { outbox: Outbox }> {
  const stores = makeStores(deps.db);
  const outbox = createOutbox({
    db: deps.db,
    publisher: deps.bus.publisher(),
    logger: deps.logger,
    redo: makeRedo(stores),
  });
  // Before any model.init(): creating collections would make an empty database look like layout 1.
  await ensureUserLayout(deps.db, outbox, deps.logger);
  await stores.ready();
  const context = createContextFactory({
    ...stores,
    outbox,
    events: createUserEvents(deps.settings.topics),
    newId: randomUUID,
    now: () => new Date(),
  });
  const { httpServer } = await createSubgraphApp({
    signedCalls: { audience: 'user', secret: deps.settings.internalAuth.secret },
    typeDefs: schema.typeDefs,
    resolvers,
    logger: deps.logger,
    healthChecks: {
      mongo: mongoHealth(deps.db),
      kafka: deps.bus.health,
      registry: deps.registry.health,
    },
    context,
    healthStats: async () => ({
      outbox: { pending: await outbox.pending(), parked: await outbox.parked() },
    }),
  });
  return {
    httpServer,
    outbox,
    workers: [
      topicsWorker(deps.bus, [deps.settings.topics.users], deps.settings.kafka.partitions),
      outbox,
    ],
  };
}
