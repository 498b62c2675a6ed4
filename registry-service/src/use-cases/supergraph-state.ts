import type { Logger } from '@tally/service-kit';
import type { SupergraphStore } from '../domain/ports';
import type { Compose, Subgraph, Supergraph } from '../domain/types';

interface Deps {
  store: SupergraphStore;
  compose: Compose;
  logger: Logger;
}

/** The last good supergraph, held in memory and kept in Mongo so a restart serves it at once. */
export function makeSupergraphState({ store, compose, logger }: Deps) {
  let current: Supergraph | null = null;

  async function adopt(next: Supergraph | null, subgraphs: readonly Subgraph[]): Promise<void> {
    if (next?.id === current?.id) return;
    if (next)
      await store.save(
        next,
        subgraphs.map((s) => s.name),
      );
    else await store.clear();
    current = next;
    logger.info(
      { supergraphId: next?.id ?? null, subgraphs: subgraphs.map((s) => s.name) },
      'supergraph composed',
    );
  }

  return {
    current: (): Supergraph | null => current,
    /** The last supergraphs served, newest first (a bounded history kept in the store). */
    history: (limit: number) => store.history(limit),
    adopt,
    /**
     * Loads the stored supergraph, then recomposes the stored subgraphs in case a previous
     * run stopped between writing a subgraph and writing the supergraph.
     */
    async restore(subgraphs: readonly Subgraph[]): Promise<void> {
      current = await store.load();
      logger.info({ supergraphId: current?.id ?? null }, 'supergraph loaded');
      if (subgraphs.length === 0) return adopt(null, subgraphs);
      const result = compose(subgraphs);
      if (result.ok) return adopt(result.supergraph, subgraphs);
      logger.warn(
        { errors: result.errors },
        'stored subgraphs do not compose; keeping the stored supergraph',
      );
    },
  };
}

export type SupergraphState = ReturnType<typeof makeSupergraphState>;
