import { WaitTimedOut, waitUntil } from '@tally/retry';
import { connectMongo, createLogger, listen } from '@tally/service-kit';
import type { Connection } from 'mongoose';
import { loadConfig } from '../src/config';
import { createServer, type RegistryServer } from '../src/server';

/** The development admin token (config/default.yml). */
export const ADMIN_TOKEN = 'tally-dev-registry-admin';

export interface Started {
  url: string;
  server: RegistryServer;
  close(): Promise<void>;
  /** Drops the test's database (call on the last registry over it). */
  drop(): Promise<void>;
}

/**
 * A registry on port 0 over `database` on the harness's MongoDB (MONGO_URL from the global
 * setup). `now` replaces its clock, so lease tests move time instead of waiting for it.
 */
export async function startRegistry(
  database: string,
  registry: Record<string, unknown> = {},
  { now }: { now?: () => Date } = {},
): Promise<Started> {
  const mongoUrl = process.env.MONGO_URL;
  if (!mongoUrl)
    throw new Error(
      'MONGO_URL is not set: run with the int project (its global setup starts MongoDB)',
    );
  const settings = await loadConfig({
    port: 0,
    mongo: { url: mongoUrl, database },
    registry,
    log: { level: 'silent' },
  });
  const logger = createLogger('registry-service', settings.log.level);
  const db: Connection = await connectMongo(settings.mongo.url, settings.mongo.database, logger);
  const server = await createServer({ settings, db, logger, now });
  const listening = await listen(server.httpServer, '127.0.0.1', 0);
  return {
    url: listening.url,
    server,
    async close() {
      server.stop();
      await listening.close(0);
      await db.close();
    },
    drop: () => db.dropDatabase().then(() => undefined),
  };
}

export function uniqueDatabase(): string {
  return `tally_registry_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
}

/** A small client for the registry's REST API; the admin's by default. */
export function client(base: string, token: string | null = ADMIN_TOKEN) {
  const headers = (extra: Record<string, string> = {}): Record<string, string> =>
    token ? { authorization: `Bearer ${token}`, ...extra } : extra;
  return {
    register: (name: string, instanceId: string, body: unknown) =>
      fetch(`${base}/v1/subgraphs/${name}/instances/${instanceId}`, {
        method: 'PUT',
        headers: headers({ 'content-type': 'application/json' }),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    heartbeat: (name: string, instanceId: string) =>
      fetch(`${base}/v1/subgraphs/${name}/instances/${instanceId}/heartbeat`, {
        method: 'PUT',
        headers: headers(),
      }),
    deregister: (name: string, instanceId: string) =>
      fetch(`${base}/v1/subgraphs/${name}/instances/${instanceId}`, {
        method: 'DELETE',
        headers: headers(),
      }),
    removeSubgraph: (name: string) =>
      fetch(`${base}/v1/subgraphs/${name}`, { method: 'DELETE', headers: headers() }),
    list: () => fetch(`${base}/v1/subgraphs`, { headers: headers() }),
    subgraphs: async () =>
      (await fetch(`${base}/v1/subgraphs`, { headers: headers() })).json() as Promise<
        SubgraphView[]
      >,
    supergraph: (ifNoneMatch?: string) =>
      fetch(`${base}/v1/supergraph`, {
        headers: headers(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}),
      }),
    health: async () => (await fetch(`${base}/health`)).json() as Promise<HealthView>,
    ready: async () => (await fetch(`${base}/health/ready`)).status,
    supergraphId: async () =>
      (
        (await (await fetch(`${base}/v1/supergraph`, { headers: headers() })).json()) as {
          id: string;
        }
      ).id,
  };
}

export interface SubgraphView {
  name: string;
  sdl: string;
  instances: { instanceId: string; url: string; lastHeartbeat: string }[];
}

export interface HealthView {
  status: string;
  selfPreservation: boolean;
  selfPreservationReason?: string;
}

/** A clock that moves only when told: `advance(seconds)`. */
export function manualClock(start = Date.now()) {
  let at = start;
  return {
    now: () => new Date(at),
    advance(seconds: number) {
      at += seconds * 1000;
    },
  };
}

/** Polls until `check` holds, failing after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs = 10_000,
  everyMs = 100,
): Promise<void> {
  await waitUntil(check, {
    deadlineMs: timeoutMs,
    intervalMs: everyMs,
    retryIf: () => false,
  }).catch((err: unknown) => {
    if (!(err instanceof WaitTimedOut)) throw err;
    throw new Error(`condition not met within ${timeoutMs} ms`);
  });
}
