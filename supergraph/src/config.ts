import { baseSettings, loadSettings } from '@tally/service-kit';
import { z } from 'zod';
import { parseTokens } from './auth/access';

/** A YAML boolean, or `true`/`false` from an environment variable. */
const onOff = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const settingsSchema = baseSettings.extend({
  registry: z.object({
    url: z.url(),
    pollSeconds: z.coerce.number().positive(),
    timeoutMs: z.coerce.number().int().positive(),
  }),
  subgraphTimeoutMs: z.coerce.number().int().positive(),
  /** security.md, "Limits": checked before anything executes. */
  limits: z.object({
    maxDepth: z.coerce.number().int().positive(),
    maxAliases: z.coerce.number().int().nonnegative(),
    maxCost: z.coerce.number().int().positive(),
  }),
  playground: onOff,
  introspection: onOff,
  /** "token=operator,token=reader" pairs; empty = the API is open (see README). */
  auth: z.object({
    tokens: z.string().transform((spec, ctx) => {
      try {
        return parseTokens(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>) {
  return loadSettings({
    service: 'gateway',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
