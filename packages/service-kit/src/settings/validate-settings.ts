import type { z } from 'zod';
import type { Tree } from './deep-merge';
import { productionProblems, type SettingProblem } from './production-rules';
import { keysOfSchema } from './schema-keys';

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: SettingProblem[] };

/**
 * The schema's verdict, and in production the refusal of development values and empty
 * secrets (whose message wins over the schema's for the same setting). Only what the service
 * reads is checked: the parsed settings; when they do not parse, the keys the schema names,
 * where an empty string counts only if the schema refuses it too (else it may mean "unset").
 */
export function validateSettings<S extends z.ZodType>(
  schema: S,
  tree: Tree,
  profile: string,
): Validation<z.infer<S>> {
  const parsed = schema.safeParse({ ...tree, profile });
  const fromSchema = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const refusedBySchema = new Set(fromSchema.map((p) => p.path));
  const refused =
    profile !== 'production'
      ? []
      : parsed.success
        ? productionProblems(parsed.data)
        : productionProblems(keysOfSchema(schema, tree)).filter(
            (p) => p.kind === 'development-value' || refusedBySchema.has(p.path),
          );
  if (parsed.success && refused.length === 0) return { ok: true, value: parsed.data };
  const refusedPaths = new Set(refused.map((p) => p.path));
  const problems = [...refused, ...fromSchema.filter((p) => !refusedPaths.has(p.path))];
  return { ok: false, problems: problems.map(({ path, message }) => ({ path, message })) };
}
