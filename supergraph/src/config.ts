import { DEFAULT_ROLE_SCOPES, SCOPES } from '@tally/auth';
import { baseSettings, internalSecrets, loadSettings } from '@tally/service-kit';
import { z } from 'zod';

/** A YAML boolean, or `true`/`false` from an environment variable. */
const onOff = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const httpUrlOrEmpty = z.union([z.literal(''), z.url({ protocol: /^https?$/ })]);

/** Roles given in settings replace those roles' default scopes; other roles keep theirs. */
const roleScopes = z
  .record(z.string().min(1), z.array(z.enum(SCOPES)))
  .default({})
  .transform((roles): Record<string, string[]> => ({
    ...Object.fromEntries(Object.entries(DEFAULT_ROLE_SCOPES).map(([r, s]) => [r, [...s]])),
    ...roles,
  }));

/** Callers' tokens (security.md): the OpenID Connect issuer in production, the local one else. */
const authSettings = z.object({
  issuer: z.string(),
  audience: z.string(),
  jwksUrl: httpUrlOrEmpty,
  roles: roleScopes,
});

const REQUIRED_AUTH = ['issuer', 'audience', 'jwksUrl'] as const;

function parseSecretPairs(spec: string, ctx: z.RefinementCtx): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const parsed = internalSecrets.safeParse({ [pair.slice(0, at)]: pair.slice(at + 1) });
    if (at <= 0 || !parsed.success) {
      ctx.addIssue({
        code: 'custom',
        path: ['moreSecrets'],
        message: 'expected name=secret pairs: a subgraph name and a key of at least 32 characters',
      });
      continue;
    }
    Object.assign(pairs, parsed.data);
  }
  return pairs;
}

export const settingsSchema = baseSettings
  .extend({
    registry: z.object({
      url: z.url(),
      /** The gateway's read token: it lists instances and fetches the supergraph. */
      token: z.string().min(8),
      pollSeconds: z.coerce.number().positive(),
      timeoutMs: z.coerce.number().int().positive(),
    }),
    subgraphTimeoutMs: z.coerce.number().int().positive(),
    /** security.md, "Limits": checked before anything executes. */
    limits: z.object({
      maxDepth: z.coerce.number().int().positive(),
      maxAliases: z.coerce.number().int().nonnegative(),
      maxCost: z.coerce.number().int().positive(),
    }),
    playground: onOff,
    introspection: onOff,
    /** The key of each subgraph the gateway signs calls to. */
    internalAuth: z
      .object({
        secrets: internalSecrets,
        /** `name=secret,…` (env INTERNAL_SECRETS): keys of subgraphs the files do not name. */
        moreSecrets: z.string().default(''),
      })
      .transform(({ secrets, moreSecrets }, ctx) => {
        const added = parseSecretPairs(moreSecrets, ctx);
        return { secrets: { ...secrets, ...added } };
      }),
    auth: authSettings,
  })
  .superRefine((s, ctx) => {
    if (s.profile !== 'production') return;
    for (const key of REQUIRED_AUTH) {
      if (!s.auth[key].trim())
        ctx.addIssue({
          code: 'custom',
          path: ['auth', key],
          message: 'required in production',
        });
    }
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
