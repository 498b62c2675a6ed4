import { topicsSchema } from '@tally/events';
import { billingSettings, loadSettings, subgraphSettings } from '@tally/service-kit';
import type { z } from 'zod';

export const settingsSchema = subgraphSettings.extend({
  topics: topicsSchema,
  billing: billingSettings,
});
export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>) {
  return loadSettings({
    service: 'settlement-subgraph',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
