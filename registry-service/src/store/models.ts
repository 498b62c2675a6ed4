import { Schema, type Connection } from 'mongoose';

export interface SubgraphDoc {
  _id: string;
  sdl: string;
  updatedAt: Date;
}

export interface InstanceDoc {
  subgraph: string;
  instanceId: string;
  url: string;
  lastHeartbeat: Date;
}

/** One document, _id 'current': the last supergraph that composed. */
export interface SupergraphDoc {
  _id: string;
  id: string;
  sdl: string;
  composedAt: Date;
}

/** One composition in the bounded history (store/supergraph-store.ts trims it). */
export interface CompositionDoc {
  id: string;
  subgraphs: string[];
  composedAt: Date;
}

const subgraphSchema = new Schema<SubgraphDoc>(
  { _id: String, sdl: String, updatedAt: Date },
  { versionKey: false },
);

const instanceSchema = new Schema<InstanceDoc>(
  { subgraph: String, instanceId: String, url: String, lastHeartbeat: Date },
  { versionKey: false },
);
instanceSchema.index({ subgraph: 1, instanceId: 1 }, { unique: true });

const supergraphSchema = new Schema<SupergraphDoc>(
  { _id: String, id: String, sdl: String, composedAt: Date },
  { versionKey: false },
);

const compositionSchema = new Schema<CompositionDoc>(
  { id: String, subgraphs: [String], composedAt: Date },
  { versionKey: false },
);
compositionSchema.index({ composedAt: -1 });

export function registryModels(conn: Connection) {
  return {
    subgraphs: conn.model('Subgraph', subgraphSchema, 'subgraphs'),
    instances: conn.model('Instance', instanceSchema, 'instances'),
    supergraphs: conn.model('Supergraph', supergraphSchema, 'supergraphs'),
    compositions: conn.model('Composition', compositionSchema, 'supergraph_history'),
  };
}

export type RegistryModels = ReturnType<typeof registryModels>;
