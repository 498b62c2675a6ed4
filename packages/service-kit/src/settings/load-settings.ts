import { join } from 'node:path';
import type { z } from 'zod';
import { configToken } from './config-token';
import { deepFreeze, deepMerge } from './deep-merge';
import {
  env,
  environmentMapping,
  environmentOverrides,
  settingsProfile,
  variablesFor,
  type EnvironmentVariable,
} from './environment';
import { KIT_CONFIG_DIR, loadFileSettings } from './file-settings';
import type { SettingProblem } from './production-rules';
import { fetchRemoteSettings, SettingsError } from './remote-settings';
import { validateSettings } from './validate-settings';

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
 * Throws SettingsError with every problem listed (setting path and its environment
 * variable) when the result does not validate, or, in production, holds a development
 * secret or an empty one.
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
          token: configToken(opts.service, profile, env),
          deadlineMs: Number(env.CONFIG_SERVICE_DEADLINE_MS ?? 30_000),
          onRetry: (n, why) =>
            process.stderr.write(
              `${opts.service}: config service not ready (${why}), retry ${n}\n`,
            ),
        })
      : {};
  const mapping = environmentMapping(dirs);
  const merged = deepMerge(files, remote, environmentOverrides(mapping), opts.overrides ?? {});
  const result = validateSettings(opts.schema, merged, profile);
  if (!result.ok) {
    const problems = result.problems.map((p) => describe(p, mapping));
    throw new SettingsError(
      `invalid settings for ${opts.service} (${profile}): ${problems.join('; ')}`,
    );
  }
  return deepFreeze(result.value);
}

function describe(problem: SettingProblem, mapping: EnvironmentVariable[]): string {
  const variables = problem.path ? variablesFor(problem.path, mapping) : [];
  const where = variables.length ? ` (env ${variables.join(' or ')})` : '';
  return `${problem.path || '(root)'}: ${problem.message}${where}`;
}

export { SettingsError };
