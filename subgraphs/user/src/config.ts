import { topicsSchema } from '@tally/events';
import { billingSettings, loadSettings, subgraphSettings } from '@tally/service-kit';
import type { z } from 'zod';

export const settingsSchema = subgraphSettings.extend({
  topics: topicsSchema,
  // Settlement's time zone, grace days and autoClose: they decide which periods are closed.
  billing: billingSettings,
});
export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>) {
  return loadSettings({
    service: 'user-subgraph',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
