import { join } from 'node:path';

export interface ServiceSpec {
  /** Short name used as the log prefix. */
  name: string;
  /** Built entry point, relative to the repo root. */
  entry: string;
  port: number;
  /** Started together with the others of the same wave. */
  wave: number;
  /** Environment defaults for this service; a variable set in the environment wins. */
  envDefaults?: Readonly<Record<string, string>>;
}

/**
 * The development stack closes periods only when asked (closePeriod, e.g. by `npm run seed`),
 * so past months stay open until then; `BILLING_AUTO_CLOSE=true npm start` closes them on
 * schedule. Settlement closes; the user subgraph refuses subscriptions into closed periods.
 */
const CLOSE_ON_REQUEST = { BILLING_AUTO_CLOSE: 'false' };

/** The stack's processes in start order; they stop in reverse. Ports are the contract's. */
export const SERVICES: ServiceSpec[] = [
  { name: 'config', entry: 'config-service/dist/main.js', port: 4200, wave: 1 },
  { name: 'issuer', entry: 'packages/dev-issuer/dist/main.js', port: 4300, wave: 1 },
  { name: 'registry', entry: 'registry-service/dist/main.js', port: 4100, wave: 2 },
  {
    name: 'user',
    entry: 'subgraphs/user/dist/main.js',
    port: 4001,
    wave: 3,
    envDefaults: CLOSE_ON_REQUEST,
  },
  { name: 'usage', entry: 'subgraphs/usage/dist/main.js', port: 4002, wave: 3 },
  {
    name: 'settlement',
    entry: 'subgraphs/settlement/dist/main.js',
    port: 4003,
    wave: 3,
    envDefaults: CLOSE_ON_REQUEST,
  },
  { name: 'gateway', entry: 'supergraph/dist/main.js', port: 4000, wave: 4 },
  { name: 'web', entry: 'web/dist/server/main.js', port: 3000, wave: 5 },
];

export function entryPath(root: string, spec: ServiceSpec): string {
  return join(root, spec.entry);
}

/** A service's environment: `env` over the service's defaults (an empty value counts as unset). */
export function serviceEnv(env: NodeJS.ProcessEnv, spec: ServiceSpec): NodeJS.ProcessEnv {
  const merged = { ...env };
  for (const [name, value] of Object.entries(spec.envDefaults ?? {}))
    if (!merged[name]) merged[name] = value;
  return merged;
}

/** How periods close in the stack, for its startup summary. */
export function closingSummary(env: NodeJS.ProcessEnv): string {
  const spec = SERVICES.find((s) => s.name === 'settlement')!;
  return serviceEnv(env, spec).BILLING_AUTO_CLOSE === 'true'
    ? 'periods close on schedule once their grace days end, or by closePeriod (BILLING_AUTO_CLOSE=true)'
    : 'periods close only by closePeriod (BILLING_AUTO_CLOSE=true closes them on schedule)';
}
