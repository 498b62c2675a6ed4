import type { Subgraph } from './types';

const byName = (a: Subgraph, b: Subgraph) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The set with `next` added, or replacing the subgraph of the same name; sorted by name. */
export function withSubgraph(current: readonly Subgraph[], next: Subgraph): Subgraph[] {
  return [...current.filter((s) => s.name !== next.name), next].sort(byName);
}

export function withoutSubgraph(current: readonly Subgraph[], name: string): Subgraph[] {
  return current.filter((s) => s.name !== name).sort(byName);
}

/** Another instance with the same SDL changes nothing in the schema. */
export function changesSchema(current: readonly Subgraph[], next: Subgraph): boolean {
  return current.find((s) => s.name === next.name)?.sdl !== next.sdl;
}
