export interface Subgraph {
  name: string;
  sdl: string;
}

export interface Instance {
  subgraph: string;
  instanceId: string;
  url: string;
  lastHeartbeat: Date;
}

/** The composed schema; `id` is the sha256 of `sdl`, so it moves only when the schema does. */
export interface Supergraph {
  id: string;
  sdl: string;
}

/** One supergraph the registry served, in its bounded history (newest first). */
export interface CompositionRecord {
  id: string;
  /** The subgraphs composed into it, by name. */
  subgraphs: string[];
  composedAt: Date;
}

export interface CompositionError {
  code: string;
  message: string;
}

export type Composition =
  { ok: true; supergraph: Supergraph } | { ok: false; errors: CompositionError[] };

/** Composition is a pure library call, but it lives outside domain/ (graphql imports). */
export type Compose = (subgraphs: readonly Subgraph[]) => Composition;
