import { topicsSchema } from '@tally/events';
import {
  billingSettings,
  internalAuthSettings,
  internalSecret,
  loadSettings,
  subgraphSettings,
} from '@tally/service-kit';
import { z } from 'zod';

export const settingsSchema = subgraphSettings.extend({
  topics: topicsSchema,
  billing: billingSettings,
  // Usage calls the user subgraph (unknown users), so it must hold user's key.
  internalAuth: internalAuthSettings.extend({
    secrets: z.object({ user: internalSecret }).catchall(internalSecret),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>) {
  return loadSettings({
    service: 'usage-subgraph',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
