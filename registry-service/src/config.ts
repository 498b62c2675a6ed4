import { baseSettings, loadSettings, mongoSettings } from '@tally/service-kit';
import { z } from 'zod';

/** The kit's documented development token (packages/service-kit/config/default.yml). */
const DEV_TOKEN = 'tally-dev-registry-token';

export const settingsSchema = baseSettings
  .extend({
    mongo: mongoSettings,
    registry: z.object({
      token: z.string(),
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
    }),
  })
  .superRefine((s, ctx) => {
    const token = s.registry.token;
    const weak =
      s.profile === 'production' ? token.length < 16 || token === DEV_TOKEN : token.length < 8;
    if (weak) {
      ctx.addIssue({
        code: 'custom',
        path: ['registry', 'token'],
        message:
          s.profile === 'production'
            ? 'set REGISTRY_TOKEN (at least 16 characters, not the development token) to run in production'
            : 'must be at least 8 characters',
      });
    }
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
