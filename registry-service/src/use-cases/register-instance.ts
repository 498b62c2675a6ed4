import type { Registration } from '../domain/registration';
import { changesSchema, withSubgraph } from '../domain/subgraph-set';
import type { CompositionError } from '../domain/types';
import type { RegistryDeps } from './deps';

export type RegisterResult =
  { ok: true; leaseSeconds: number } | { ok: false; errors: CompositionError[] };

/**
 * Registers an instance with its subgraph's SDL. A new SDL must compose with the other
 * subgraphs' current SDLs, or nothing changes; the same SDL again skips composition.
 */
export function makeRegisterInstance(deps: RegistryDeps) {
  return (subgraph: string, instanceId: string, { url, sdl }: Registration) =>
    deps.serial(async (): Promise<RegisterResult> => {
      const current = await deps.subgraphs.list();
      const next = { name: subgraph, sdl };
      if (changesSchema(current, next) || !deps.supergraph.current()) {
        const candidate = withSubgraph(current, next);
        const result = deps.compose(candidate);
        if (!result.ok) {
          deps.logger.warn(
            { subgraph, instanceId, errors: result.errors },
            'registration refused: does not compose',
          );
          return { ok: false, errors: result.errors };
        }
        await deps.subgraphs.save(next);
        await deps.supergraph.adopt(result.supergraph, candidate);
      }
      await deps.instances.upsert({ subgraph, instanceId, url, lastHeartbeat: deps.now() });
      deps.logger.info(
        { subgraph, instanceId, url, supergraphId: deps.supergraph.current()?.id },
        'instance registered',
      );
      return { ok: true, leaseSeconds: deps.leasePolicy.leaseSeconds };
    });
}
