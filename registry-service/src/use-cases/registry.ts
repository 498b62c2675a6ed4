import type { Logger } from '@tally/service-kit';
import type { Stores } from '../store';
import type { Compose } from '../domain/types';
import { makeLeases } from './leases';
import { makeListSubgraphs } from './list-subgraphs';
import { makeRegisterInstance } from './register-instance';
import { makeRemoveSubgraph } from './remove-subgraph';
import { createSerial } from './serial';
import { makeSupergraphState } from './supergraph-state';

interface Options {
  stores: Stores;
  compose: Compose;
  logger: Logger;
  leaseSeconds: number;
  now?: () => Date;
}

/** The registry's use cases over its stores; `restore` must run before serving. */
export function makeRegistry({
  stores,
  compose,
  logger,
  leaseSeconds,
  now = () => new Date(),
}: Options) {
  const supergraph = makeSupergraphState({ store: stores.supergraphs, compose, logger });
  const deps = {
    subgraphs: stores.subgraphs,
    instances: stores.instances,
    supergraph,
    compose,
    serial: createSerial(),
    logger,
    leaseSeconds,
    now,
  };
  return {
    register: makeRegisterInstance(deps),
    removeSubgraph: makeRemoveSubgraph(deps),
    listSubgraphs: makeListSubgraphs(deps),
    ...makeLeases(deps),
    supergraph: supergraph.current,
    restore: () => deps.serial(async () => supergraph.restore(await stores.subgraphs.list())),
  };
}

export type Registry = ReturnType<typeof makeRegistry>;
