import { topicsSchema } from '@tally/events';
import { billingSettings, loadSettings, subgraphSettings } from '@tally/service-kit';
import { z } from 'zod';

/** How closes run (billing-rules.md, "Closing a period"); the defaults suit production. */
export const closingSettings = z
  .object({
    /** A close's lease; renewed at a third of it, taken over by another instance when it lapses. */
    leaseSeconds: z.coerce.number().positive().default(60),
    /** Bills frozen per round. */
    chunkSize: z.coerce.number().int().min(1).max(1000).default(200),
    /** How often the schedule looks again, at most. */
    pollSeconds: z.coerce.number().positive().default(60),
    /** How long a close waits for settlement to apply what its topics hold. */
    catchUpSeconds: z.coerce.number().nonnegative().default(120),
  })
  .default({ leaseSeconds: 60, chunkSize: 200, pollSeconds: 60, catchUpSeconds: 120 });

export const settingsSchema = subgraphSettings.extend({
  topics: topicsSchema,
  billing: billingSettings,
  closing: closingSettings,
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
