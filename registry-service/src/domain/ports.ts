import type { CompositionRecord, Instance, Subgraph, Supergraph } from './types';

export interface SubgraphStore {
  list(): Promise<Subgraph[]>;
  save(subgraph: Subgraph): Promise<void>;
  remove(name: string): Promise<void>;
}

export interface InstanceStore {
  upsert(instance: Instance): Promise<void>;
  /** Moves lastHeartbeat to `now` unless the lease expired (before `cutoff`); false then. */
  touch(subgraph: string, instanceId: string, now: Date, cutoff: Date): Promise<boolean>;
  remove(subgraph: string, instanceId: string): Promise<void>;
  removeAllOf(subgraph: string): Promise<void>;
  /** Every instance, lapsed or not, by subgraph and instance id (a registry holds few). */
  all(): Promise<Instance[]>;
  /** Deletes the instance only if it is still expired, so a heartbeat in between wins. */
  evict(instance: Instance, cutoff: Date): Promise<boolean>;
}

export interface SupergraphStore {
  load(): Promise<Supergraph | null>;
  /** Keeps it as the current one, and adds it to the history (only the last few are kept). */
  save(supergraph: Supergraph, subgraphs: readonly string[]): Promise<void>;
  clear(): Promise<void>;
  /** The last supergraphs saved, newest first, at most `limit`. */
  history(limit: number): Promise<CompositionRecord[]>;
}
