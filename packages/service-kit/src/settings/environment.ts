import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { setPath, type Tree } from './deep-merge';

/** The one place that reads the process environment for settings. */
export const env: Readonly<Record<string, string | undefined>> = process.env;

export function settingsProfile(): string {
  const nodeEnv = env.NODE_ENV;
  return !nodeEnv || nodeEnv === 'development' ? 'default' : nodeEnv;
}

/** Reads `environment-variables.yml` (ENV_NAME: setting.path) from each dir, later dirs win. */
export function environmentOverrides(dirs: string[]): Tree {
  const out: Tree = {};
  for (const dir of dirs) {
    const file = join(dir, 'environment-variables.yml');
    if (!existsSync(file)) continue;
    const mapping = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, string>;
    for (const [name, path] of Object.entries(mapping)) {
      const value = env[name];
      if (value !== undefined && value !== '') setPath(out, path, value);
    }
  }
  return out;
}
