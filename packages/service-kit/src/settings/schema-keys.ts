import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch']);

/**
 * The part of a settings tree a schema reads: keys its objects do not name are dropped
 * (as parsing would), anything else (records, unions, scalars) is kept whole.
 */
export function keysOfSchema(schema: z.ZodType, tree: unknown): unknown {
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === 'pipe') {
    def = defOf((def.type === 'pipe' ? def.in : def.innerType)!);
  }
  if (def.type !== 'object' || !def.shape) return tree;
  if (typeof tree !== 'object' || tree === null || Array.isArray(tree)) return tree;
  const shape = def.shape;
  return Object.fromEntries(
    Object.entries(tree)
      .filter(([key]) => Object.hasOwn(shape, key))
      .map(([key, value]) => [key, keysOfSchema(shape[key]!, value)]),
  );
}
