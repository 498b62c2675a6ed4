import { withoutSubgraph } from '../domain/subgraph-set';
import type { CompositionError } from '../domain/types';
import type { RegistryDeps } from './deps';

export type RemoveResult =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'does-not-compose'; errors: CompositionError[] };

/** Takes a subgraph (schema and instances) out of the supergraph, if the rest still composes. */
export function makeRemoveSubgraph(deps: RegistryDeps) {
  return (name: string) =>
    deps.serial(async (): Promise<RemoveResult> => {
      const current = await deps.subgraphs.list();
      if (!current.some((s) => s.name === name)) return { ok: false, reason: 'not-found' };
      const rest = withoutSubgraph(current, name);
      let next = null;
      if (rest.length > 0) {
        const result = deps.compose(rest);
        if (!result.ok) {
          deps.logger.warn(
            { subgraph: name, errors: result.errors },
            'subgraph removal refused: the rest does not compose',
          );
          return { ok: false, reason: 'does-not-compose', errors: result.errors };
        }
        next = result.supergraph;
      }
      await deps.instances.removeAllOf(name);
      await deps.subgraphs.remove(name);
      await deps.supergraph.adopt(next, rest);
      deps.logger.info({ subgraph: name, supergraphId: next?.id ?? null }, 'subgraph removed');
      return { ok: true };
    });
}
