/** A reference to an entity another subgraph owns, or that settlement extends: its key only. */
export interface EntityRef {
  id: string;
}
