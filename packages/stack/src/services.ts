import { join } from 'node:path';

export interface ServiceSpec {
  /** Short name used as the log prefix. */
  name: string;
  /** Built entry point, relative to the repo root. */
  entry: string;
  port: number;
  /** Started together with the others of the same wave. */
  wave: number;
}

/** The stack's processes in start order; they stop in reverse. Ports are the contract's. */
export const SERVICES: ServiceSpec[] = [
  { name: 'config', entry: 'config-service/dist/main.js', port: 4200, wave: 1 },
  { name: 'issuer', entry: 'packages/dev-issuer/dist/main.js', port: 4300, wave: 1 },
  { name: 'registry', entry: 'registry-service/dist/main.js', port: 4100, wave: 2 },
  { name: 'user', entry: 'subgraphs/user/dist/main.js', port: 4001, wave: 3 },
  { name: 'usage', entry: 'subgraphs/usage/dist/main.js', port: 4002, wave: 3 },
  { name: 'settlement', entry: 'subgraphs/settlement/dist/main.js', port: 4003, wave: 3 },
  { name: 'gateway', entry: 'supergraph/dist/main.js', port: 4000, wave: 4 },
  { name: 'web', entry: 'web/dist/server/main.js', port: 3000, wave: 5 },
];

export function entryPath(root: string, spec: ServiceSpec): string {
  return join(root, spec.entry);
}
