import { join } from 'node:path';
import type { z } from 'zod';
import { deepFreeze, deepMerge } from './deep-merge';
import { env, environmentOverrides, settingsProfile } from './environment';
import { KIT_CONFIG_DIR, loadFileSettings } from './file-settings';
import { fetchRemoteSettings, SettingsError } from './remote-settings';

export interface LoadSettingsOptions<S extends z.ZodType> {
  /** The service's name, as the config service knows it (e.g. `user-subgraph`). */
  service: string;
  /** The service's package root; its `config/` overlays the kit's shared defaults. */
  root: string;
  schema: S;
  /** Values that win over everything (tests use this instead of the environment). */
  overrides?: Record<string, unknown>;
  /** False for the config service itself, which never asks itself for settings. */
  remote?: boolean;
}

/**
 * Layers, later winning: the kit's shared defaults, the service's config/, the config
 * service's answer (when CONFIG_SERVICE_URL is set), environment variables, overrides.
 * Throws SettingsError with every problem listed when the result does not validate.
 */
export async function loadSettings<S extends z.ZodType>(
  opts: LoadSettingsOptions<S>,
): Promise<Readonly<z.infer<S>>> {
  const profile = settingsProfile();
  const dirs = [KIT_CONFIG_DIR, join(opts.root, 'config')];
  const files = loadFileSettings(dirs, profile);
  const remote =
    env.CONFIG_SERVICE_URL && opts.remote !== false
      ? await fetchRemoteSettings({
          baseUrl: env.CONFIG_SERVICE_URL,
          service: opts.service,
          profile,
          deadlineMs: Number(env.CONFIG_SERVICE_DEADLINE_MS ?? 30_000),
          onRetry: (n, why) =>
            process.stderr.write(
              `${opts.service}: config service not ready (${why}), retry ${n}\n`,
            ),
        })
      : {};
  const merged = deepMerge(files, remote, environmentOverrides(dirs), opts.overrides ?? {});
  const parsed = opts.schema.safeParse({ ...merged, profile });
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new SettingsError(
      `invalid settings for ${opts.service} (${profile}): ${problems.join('; ')}`,
    );
  }
  return deepFreeze(parsed.data);
}

export { SettingsError };
