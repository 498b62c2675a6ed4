import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deepMerge, type Tree } from './deep-merge';

// node-config is a process-wide singleton that loads ./config on require; we only use its
// directory loader, so several services can be built in one (test) process.
process.env.SUPPRESS_NO_CONFIG_WARNING = 'y';
process.env.SUPPRESS_STRICTNESS_CHECK = 'y';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeConfig = require('config') as {
  util: { loadFileConfigs(dir: string, opts: object): Tree };
};

export const KIT_CONFIG_DIR = join(__dirname, '..', '..', 'config');

/** default.yml then {profile}.yml of each dir, later dirs overlaying earlier ones. */
export function loadFileSettings(dirs: string[], profile: string): Tree {
  const layers = dirs
    .filter((dir) => existsSync(dir))
    .map((dir) => nodeConfig.util.loadFileConfigs(dir, { nodeEnv: [profile] }));
  return JSON.parse(JSON.stringify(deepMerge(...layers))) as Tree;
}
