import { topicsSchema } from '@tally/events';
import { loadSettings, subgraphSettings } from '@tally/service-kit';
import type { z } from 'zod';

export const settingsSchema = subgraphSettings.extend({ topics: topicsSchema });
export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>) {
  return loadSettings({
    service: 'user-subgraph',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
