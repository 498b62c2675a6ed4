import { join } from 'node:path';
import { deepMerge, type Tree } from '@tally/service-kit';
import { layerFiles, SHARED } from '../domain/layers';
import { resolvePlaceholders, type Environment, type Unresolved } from '../domain/placeholders';
import { readYamlFile } from './yaml-file';

export interface ResolveRequest {
  dir: string;
  service: string;
  profile: string;
  env: Environment;
}

export type Resolved =
  | { kind: 'ok'; config: Tree; files: string[] }
  | { kind: 'unknown-service' }
  | { kind: 'unresolved'; unresolved: Unresolved[] };

/**
 * Reads the layers afresh on every call (a few small files; edits show at once), merges
 * them in order and resolves placeholders in the result.
 */
export async function resolveConfig({
  dir,
  service,
  profile,
  env,
}: ResolveRequest): Promise<Resolved> {
  if (service === SHARED) return { kind: 'unknown-service' };
  const names = layerFiles(service, profile);
  const layers = await Promise.all(names.map((name) => readYamlFile(join(dir, name), name)));
  // A service is known by its own file (the third layer); application.yml alone knows none.
  if (layers[2] === null) return { kind: 'unknown-service' };
  const present = names.filter((_, i) => layers[i] !== null);
  const merged = deepMerge(...layers.filter((layer): layer is Tree => layer !== null));
  const resolution = resolvePlaceholders(merged, env);
  if (!resolution.ok) return { kind: 'unresolved', unresolved: resolution.unresolved };
  return { kind: 'ok', config: resolution.value as Tree, files: present };
}
