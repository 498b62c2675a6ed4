import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULT_ROLE_SCOPES, type RoleScopes } from '@tally/auth';
import { baseSettings, loadSettings } from '@tally/service-kit';
import { z } from 'zod';

const packageRoot = join(__dirname, '..');
const repoRoot = join(packageRoot, '..', '..');

export const settingsSchema = baseSettings.extend({
  issuer: z.object({
    url: z.url().optional(),
    audience: z.string().min(1),
    keyDir: z.string().min(1).optional(),
    roles: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
  }),
});

export type Settings = z.infer<typeof settingsSchema>;

/** What the issuer and the token CLI work from, with every default applied. */
export interface IssuerConfig {
  /** The tokens' `iss`; null: this process's own URL, known once it listens. */
  url: string | null;
  audience: string;
  keyDir: string;
  roleScopes: RoleScopes;
}

export class ProductionRefused extends Error {
  override name = 'ProductionRefused';
}

/**
 * The issuer signs whatever role it is asked for, to anybody who can reach it: a stack that
 * trusted it in production would have no authentication at all. So production refuses it
 * before anything is loaded or made.
 */
export function refuseProduction(what: string, nodeEnv = process.env.NODE_ENV): void {
  if (nodeEnv === 'production')
    throw new ProductionRefused(
      `${what} is for development and test only and refuses the production profile ` +
        '(NODE_ENV=production): production tokens come from the OpenID Connect issuer in ' +
        'the gateway setting auth.issuer',
    );
}

/** `keyDir` when set (relative = from the repo root), else `$TALLY_DATA_DIR/auth` or `.data/auth`. */
export function keyDirOf(keyDir: string | undefined, env = process.env): string {
  if (keyDir) return isAbsolute(keyDir) ? keyDir : join(repoRoot, keyDir);
  const dataDir = env.TALLY_DATA_DIR?.trim();
  return join(dataDir ? resolve(dataDir) : join(repoRoot, '.data'), 'auth');
}

export async function loadIssuerSettings(
  overrides?: Record<string, unknown>,
): Promise<Readonly<Settings>> {
  // Files and environment only: the issuer starts beside the config service, not after it.
  return loadSettings({
    service: 'dev-issuer',
    root: packageRoot,
    schema: settingsSchema,
    overrides,
    remote: false,
  });
}

export function issuerConfig(settings: Settings): IssuerConfig {
  return {
    url: settings.issuer.url ?? settings.publicUrl ?? null,
    audience: settings.issuer.audience,
    keyDir: keyDirOf(settings.issuer.keyDir),
    roleScopes: settings.issuer.roles ?? DEFAULT_ROLE_SCOPES,
  };
}

/** The issuer URL a process that is not listening (the CLI) names: the issuer's own. */
export function configuredIssuerUrl(settings: Settings, config: IssuerConfig): string {
  if (config.url) return config.url;
  if (settings.port === 0)
    throw new Error(
      'the issuer URL is unknown: port 0 means the issuer picks its port when it starts; ' +
        'set ISSUER_URL (issuer.url) to the URL it listens on',
    );
  return `http://${settings.host}:${settings.port}`;
}
