import type { Connection } from 'mongoose';
import { makeInstanceStore } from './instance-store';
import { registryModels } from './models';
import { makeSubgraphStore } from './subgraph-store';
import { makeSupergraphStore } from './supergraph-store';

export function makeStores(conn: Connection) {
  const models = registryModels(conn);
  return {
    subgraphs: makeSubgraphStore(models),
    instances: makeInstanceStore(models),
    supergraphs: makeSupergraphStore(models),
    /** Builds the unique index before the first write (autoIndex is asynchronous). */
    ready: () => models.instances.init().then(() => undefined),
  };
}

export type Stores = ReturnType<typeof makeStores>;
