import { isAbsolute, join } from 'node:path';
import { baseSettings, loadSettings } from '@tally/service-kit';
import { z } from 'zod';

const root = join(__dirname, '..');

export const settingsSchema = baseSettings.extend({
  configRepo: z.object({
    dir: z
      .string()
      .min(1)
      .transform((dir) => (isAbsolute(dir) ? dir : join(root, dir))),
  }),
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
