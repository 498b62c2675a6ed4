import { isAbsolute, join } from 'node:path';
import { baseSettings, loadSettings } from '@tally/service-kit';
import { z } from 'zod';
import { parseTokenPairs } from './domain/config-tokens';
import { isConfigName } from './domain/names';

const root = join(__dirname, '..');

const serviceName = z.string().refine(isConfigName, 'not a service name');

/** Service -> its config token: a YAML map, or `service=token,...` from CONFIG_TOKENS. */
const tokensSchema = z
  .union([
    z.string().transform((spec, ctx) => {
      try {
        return parseTokenPairs(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
        return z.NEVER;
      }
    }),
    z.record(z.string(), z.unknown()),
  ])
  .pipe(z.record(serviceName, z.string().min(16, 'at least 16 characters')))
  .superRefine((tokens, ctx) => {
    const seen = new Map<string, string>();
    for (const [service, token] of Object.entries(tokens)) {
      const other = seen.get(token);
      if (other && token !== '')
        ctx.addIssue({
          code: 'custom',
          path: [service],
          message: `the same token as ${other}: a token must name one service`,
        });
      seen.set(token, service);
    }
  });

export const settingsSchema = baseSettings.extend({
  configRepo: z.object({
    dir: z
      .string()
      .min(1)
      .transform((dir) => (isAbsolute(dir) ? dir : join(root, dir))),
  }),
  tokens: tokensSchema,
});

export type Settings = z.infer<typeof settingsSchema>;

/** The config service is the end of the CONFIG_SERVICE_URL chain: it never asks itself. */
export async function loadConfig(overrides?: Record<string, unknown>): Promise<Readonly<Settings>> {
  return loadSettings({
    service: 'config-service',
    root,
    schema: settingsSchema,
    overrides,
    remote: false,
  });
}

/** Where `${ENV}` placeholders in served files are resolved: this process's environment. */
export function placeholderEnvironment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}
