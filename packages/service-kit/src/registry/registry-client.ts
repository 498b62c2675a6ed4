import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

export interface RegistryClientOptions {
  registryUrl: string;
  token: string;
  subgraph: string;
  instanceId?: string;
  /** Where the gateway reaches this instance's GraphQL endpoint. */
  url: string;
  sdl: string;
  heartbeatSeconds: number;
  logger: Logger;
}

export class RegistrationRefused extends Error {
  override name = 'RegistrationRefused';
}

/**
 * Registers this instance with its SDL, heartbeats, registers again when the lease is gone
 * (404), and deregisters on stop. A registry that is down is retried at each beat.
 */
export function createRegistryClient(opts: RegistryClientOptions) {
  const instanceId = opts.instanceId ?? `${opts.subgraph}-${randomUUID().slice(0, 8)}`;
  const base = `${opts.registryUrl.replace(/\/$/, '')}/v1/subgraphs/${opts.subgraph}/instances/${instanceId}`;
  const headers = { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' };
  let registered = false;
  let lastError: string | null = 'not registered yet';
  let timer: NodeJS.Timeout | undefined;

  async function register(): Promise<void> {
    const res = await fetch(base, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ url: opts.url, sdl: opts.sdl }),
    });
    if (res.status === 422 || res.status === 401 || res.status === 400 || res.status === 413) {
      throw new RegistrationRefused(
        `registry refused ${opts.subgraph} (${res.status}): ${await res.text()}`,
      );
    }
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    registered = true;
    opts.logger.info({ instanceId, url: opts.url }, 'registered with the registry');
  }

  async function beat(): Promise<void> {
    if (!registered) return register();
    const res = await fetch(`${base}/heartbeat`, { method: 'PUT', headers });
    if (res.status === 404) {
      registered = false;
      opts.logger.warn({ instanceId }, 'lease gone; registering again');
      return register();
    }
    if (!res.ok) throw new Error(`heartbeat answered ${res.status}`);
  }

  function schedule(): void {
    timer = setTimeout(() => {
      beat()
        .then(() => {
          lastError = null;
        })
        .catch((err: unknown) => {
          lastError = err instanceof Error ? err.message : String(err);
          opts.logger.warn({ err: lastError }, 'registry heartbeat failed');
        })
        .finally(schedule);
    }, opts.heartbeatSeconds * 1000);
    timer.unref();
  }

  return {
    instanceId,
    /** Registers once (refusal is fatal: our schema does not compose), then beats. */
    async start(): Promise<void> {
      try {
        await register();
        lastError = null;
      } catch (err) {
        if (err instanceof RegistrationRefused) throw err;
        lastError = err instanceof Error ? err.message : String(err);
        opts.logger.warn({ err: lastError }, 'registry unreachable; will retry');
      }
      schedule();
    },
    async stop(): Promise<void> {
      clearTimeout(timer);
      if (!registered) return;
      await fetch(base, { method: 'DELETE', headers, signal: AbortSignal.timeout(3000) }).catch(
        () => undefined,
      );
      registered = false;
    },
    /** For /health/ready: the registry answered our last call. */
    async health(): Promise<void> {
      if (lastError) throw new Error(lastError);
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
