import type { Logger } from '@tally/service-kit';
import type { InstanceStore, SubgraphStore } from '../domain/ports';
import type { LeasePolicy } from '../domain/self-preservation';
import type { Compose, Instance } from '../domain/types';
import type { SelfPreservationWatch } from './self-preservation';
import type { Serial } from './serial';
import type { SupergraphState } from './supergraph-state';

export interface RegistryDeps {
  subgraphs: SubgraphStore;
  instances: InstanceStore;
  supergraph: SupergraphState;
  compose: Compose;
  serial: Serial;
  logger: Logger;
  leasePolicy: LeasePolicy;
  selfPreservation: SelfPreservationWatch;
  now: () => Date;
  /** Told of each instance the sweep evicts (the registry's metrics). */
  onEvicted?: (instance: Instance) => void;
}
