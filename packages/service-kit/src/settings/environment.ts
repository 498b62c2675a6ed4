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

/** One line of an `environment-variables.yml`: ENV_NAME -> setting.path. */
export interface EnvironmentVariable {
  name: string;
  path: string;
}

/** Reads `environment-variables.yml` from each dir, in order (later dirs win when applied). */
export function environmentMapping(dirs: string[]): EnvironmentVariable[] {
  const out: EnvironmentVariable[] = [];
  for (const dir of dirs) {
    const file = join(dir, 'environment-variables.yml');
    if (!existsSync(file)) continue;
    const mapping = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, string>;
    for (const [name, path] of Object.entries(mapping)) out.push({ name, path });
  }
  return out;
}

/** The settings the environment sets through the mapping; an empty variable counts as unset. */
export function environmentOverrides(mapping: EnvironmentVariable[]): Tree {
  const out: Tree = {};
  for (const { name, path } of mapping) {
    const value = env[name];
    if (value !== undefined && value !== '') setPath(out, path, value);
  }
  return out;
}

/**
 * The variables that set a setting: those mapped to its path or to the nearest object
 * above it (`CONFIG_TOKENS` sets `tokens.gateway`).
 */
export function variablesFor(path: string, mapping: EnvironmentVariable[]): string[] {
  const covering = mapping.filter((v) => path === v.path || path.startsWith(`${v.path}.`));
  const nearest = Math.max(...covering.map((v) => v.path.length));
  return [...new Set(covering.filter((v) => v.path.length === nearest).map((v) => v.name))];
}
