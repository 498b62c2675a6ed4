import type { Logger } from '@tally/service-kit';
import type { InstanceStore, SubgraphStore } from '../domain/ports';
import type { Compose } from '../domain/types';
import type { Serial } from './serial';
import type { SupergraphState } from './supergraph-state';

export interface RegistryDeps {
  subgraphs: SubgraphStore;
  instances: InstanceStore;
  supergraph: SupergraphState;
  compose: Compose;
  serial: Serial;
  logger: Logger;
  leaseSeconds: number;
  now: () => Date;
}
