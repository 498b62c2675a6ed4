import { baseSettings, loadSettings, mongoSettings } from '@tally/service-kit';
import { z } from 'zod';
import { isSubgraphName } from './domain/names';

const token = z.string().min(16, 'at least 16 characters');

/** One caller of the registry: its token, whether it may list, which subgraphs it may write. */
const client = z
  .object({
    token,
    read: z.boolean().default(false),
    subgraphs: z.array(z.string().refine(isSubgraphName, 'not a subgraph name')).default([]),
  })
  .refine((c) => c.read || c.subgraphs.length > 0, 'grants nothing: set read or subgraphs');

export const clientsSchema = z.record(z.string().regex(/^[a-z][a-z0-9-]{0,62}$/), client);
export type RegistryClients = z.infer<typeof clientsSchema>;

export const settingsSchema = baseSettings.extend({
  mongo: mongoSettings,
  registry: z
    .object({
      /** Who may call: client name -> { token, read, subgraphs } (config/default.yml). */
      clients: clientsSchema,
      /** May do everything. */
      adminToken: token,
      leaseSeconds: z.coerce.number().positive(),
      sweepSeconds: z.coerce.number().positive(),
      maxSdlBytes: z.coerce.number().int().positive(),
      selfPreservationShare: z.coerce.number().min(0).max(1),
      /** Hosts an instance url may name, comma-separated (lower case; IPv6 without brackets). */
      allowedHosts: z.string().transform(
        (v) =>
          new Set(
            v
              .split(',')
              .map((h) => h.trim().toLowerCase())
              .filter(Boolean),
          ),
      ),
    })
    .superRefine((r, ctx) => {
      // A token must say who is calling: one holder each, and none equal to the admin's.
      const holders = new Map<string, string>();
      for (const [name, c] of Object.entries(r.clients)) {
        const other = c.token === r.adminToken ? 'the admin token' : holders.get(c.token);
        if (other && c.token !== '')
          ctx.addIssue({
            code: 'custom',
            path: ['clients', name, 'token'],
            message: `the same token as ${other}`,
          });
        holders.set(c.token, `client ${name}`);
      }
    }),
});

export type Settings = z.infer<typeof settingsSchema>;

export function loadConfig(overrides?: Record<string, unknown>): Promise<Readonly<Settings>> {
  return loadSettings({
    service: 'registry-service',
    root: `${__dirname}/..`,
    schema: settingsSchema,
    overrides,
  });
}
