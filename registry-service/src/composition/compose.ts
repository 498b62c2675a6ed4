import { createHash } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import type { Composition, Subgraph } from '../domain/types';

/**
 * The supergraph carries one stable routing url per subgraph: instances come and go, and
 * the gateway routes to live ones from GET /v1/subgraphs, so the composed schema (and its
 * id) must not depend on where instances are.
 */
export function routingUrl(subgraph: string): string {
  return `http://${subgraph}.subgraph.tally`;
}

export function supergraphId(sdl: string): string {
  return createHash('sha256').update(sdl).digest('hex');
}

/** Composes the subgraphs with @apollo/composition; pure, no I/O. */
export function compose(subgraphs: readonly Subgraph[]): Composition {
  const services = [];
  for (const { name, sdl } of subgraphs) {
    try {
      services.push({ name, url: routingUrl(name), typeDefs: parse(sdl) });
    } catch (err) {
      const message = err instanceof GraphQLError ? err.message : String(err);
      return { ok: false, errors: [{ code: 'INVALID_GRAPHQL', message: `[${name}] ${message}` }] };
    }
  }
  const result = composeServices(services);
  if (result.errors) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({
        code: typeof e.extensions.code === 'string' ? e.extensions.code : 'COMPOSITION_ERROR',
        message: e.message,
      })),
    };
  }
  return {
    ok: true,
    supergraph: { id: supergraphId(result.supergraphSdl), sdl: result.supergraphSdl },
  };
}
