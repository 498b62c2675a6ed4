import type { Logger } from '@tally/service-kit';
import type { Stores } from '../store';
import type { Compose, Instance } from '../domain/types';
import { makeLeases } from './leases';
import { makeListSubgraphs } from './list-subgraphs';
import { makeRegisterInstance } from './register-instance';
import { makeRemoveSubgraph } from './remove-subgraph';
import { makeSelfPreservation } from './self-preservation';
import { createSerial } from './serial';
import { makeSupergraphState } from './supergraph-state';

interface Options {
  stores: Stores;
  compose: Compose;
  logger: Logger;
  leaseSeconds: number;
  /** More than this share of instances lapsing in one sweep evicts none (self-preservation). */
  maxLapseShare: number;
  now?: () => Date;
  onEvicted?: (instance: Instance) => void;
}

/** The registry's use cases over its stores; `restore` must run before serving. */
export function makeRegistry({
  stores,
  compose,
  logger,
  leaseSeconds,
  maxLapseShare,
  now = () => new Date(),
  onEvicted,
}: Options) {
  const supergraph = makeSupergraphState({ store: stores.supergraphs, compose, logger });
  const leasePolicy = { leaseSeconds, maxLapseShare, startedAt: now() };
  const deps = {
    subgraphs: stores.subgraphs,
    instances: stores.instances,
    supergraph,
    compose,
    serial: createSerial(),
    logger,
    leasePolicy,
    selfPreservation: makeSelfPreservation({ policy: leasePolicy, logger }),
    now,
    onEvicted,
  };
  return {
    register: makeRegisterInstance(deps),
    removeSubgraph: makeRemoveSubgraph(deps),
    listSubgraphs: makeListSubgraphs(deps),
    ...makeLeases(deps),
    supergraph: supergraph.current,
    supergraphHistory: supergraph.history,
    /** Loads the last supergraph and says at once whether leases lapsed while it was down. */
    restore: () =>
      deps.serial(async () => {
        await supergraph.restore(await stores.subgraphs.list());
        deps.selfPreservation.assess(await stores.instances.all(), now());
      }),
  };
}

export type Registry = ReturnType<typeof makeRegistry>;
