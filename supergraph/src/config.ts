import { baseSettings, loadSettings } from '@tally/service-kit';
import { z } from 'zod';

export const settingsSchema = baseSettings.extend({
  registry: z.object({ url: z.url(), pollSeconds: z.coerce.number().positive() }),
  subgraphTimeoutMs: z.coerce.number().int().positive(),
  playground: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
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
