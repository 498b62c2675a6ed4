import { DEV_SECRET_PREFIX } from './production-rules';
import { SettingsError } from './remote-settings';

/** The documented development config token of a service (the config service's default.yml). */
export const devConfigToken = (service: string) => `${DEV_SECRET_PREFIX}config-${service}`;

/**
 * The bearer token this service shows the config service: CONFIG_TOKEN, or outside
 * production the service's development token.
 */
export function configToken(
  service: string,
  profile: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const token = env.CONFIG_TOKEN;
  if (profile !== 'production') return token || devConfigToken(service);
  if (!token)
    throw new SettingsError(
      `${service} (production): CONFIG_TOKEN is not set; it must hold the config service's token for ${service}`,
    );
  if (token.startsWith(DEV_SECRET_PREFIX))
    throw new SettingsError(
      `${service} (production): CONFIG_TOKEN is a development token (${DEV_SECRET_PREFIX}…), refused in production`,
    );
  return token;
}
