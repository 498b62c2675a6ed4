import type { z } from 'zod';
import type { Tree } from './deep-merge';
import { productionProblems, type SettingProblem } from './production-rules';
import { keysOfSchema } from './schema-keys';

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: SettingProblem[] };

/**
 * The schema's verdict, and in production the refusal of development and empty secrets
 * (whose message wins over the schema's for the same setting). Only what the service reads
 * is checked: the parsed settings, or when they do not parse, the keys the schema names.
 */
export function validateSettings<S extends z.ZodType>(
  schema: S,
  tree: Tree,
  profile: string,
): Validation<z.infer<S>> {
  const parsed = schema.safeParse({ ...tree, profile });
  const refused =
    profile === 'production'
      ? productionProblems(parsed.success ? parsed.data : keysOfSchema(schema, tree))
      : [];
  if (parsed.success && refused.length === 0) return { ok: true, value: parsed.data };
  const fromSchema = parsed.success
    ? []
    : parsed.error.issues
        .map((i) => ({ path: i.path.join('.'), message: i.message }))
        .filter((p) => !refused.some((r) => r.path === p.path));
  return { ok: false, problems: [...refused, ...fromSchema] };
}
