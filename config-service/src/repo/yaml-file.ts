import { readFile } from 'node:fs/promises';
import { load as parseYaml } from 'js-yaml';
import type { Tree } from '@tally/service-kit';

/** A repo file that is not valid YAML or not a mapping at its top. */
export class BadConfigFile extends Error {
  override name = 'BadConfigFile';
}

/** The file's mapping, `{}` for an empty file, or null when there is no such file. */
export async function readYamlFile(path: string, label: string): Promise<Tree | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(text, { filename: label });
  } catch (err) {
    throw new BadConfigFile(`${label}: ${(err as Error).message}`);
  }
  if (parsed === undefined || parsed === null) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BadConfigFile(`${label}: the top level must be a mapping`);
  return parsed as Tree;
}
