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
  /**
   * Deadline of each call to the registry (default 5 s). For heartbeats it is held to one
   * heartbeat interval, so a registry that accepts and never answers delays the next beat
   * by at most one interval and a lease of several beats never lapses on our side.
   * Registrations keep the whole deadline: a new SDL is composed before the answer.
   */
  timeoutMs?: number;
  logger: Logger;
}

export class RegistrationRefused extends Error {
  override name = 'RegistrationRefused';
}

const DEFAULT_TIMEOUT_MS = 5000;

const reasonOf = (err: unknown): string =>
  err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);

/**
 * Registers this instance with its SDL, heartbeats, registers again when the lease is gone
 * (404), and deregisters on stop. A registry that is down is retried at each beat.
 */
export function createRegistryClient(opts: RegistryClientOptions) {
  const instanceId = opts.instanceId ?? `${opts.subgraph}-${randomUUID().slice(0, 8)}`;
  const base = `${opts.registryUrl.replace(/\/$/, '')}/v1/subgraphs/${opts.subgraph}/instances/${instanceId}`;
  const headers = { authorization: `Bearer ${opts.token}`, 'content-type': 'application/json' };
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const beatTimeoutMs = Math.min(timeoutMs, opts.heartbeatSeconds * 1000);
  let registered = false;
  let lastError: string | null = 'not registered yet';
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let stopped = false;

  /** One call with its deadline; the answer's body is read under the same deadline. */
  async function call(path: string, method: string, deadlineMs: number, body?: string) {
    const signal = AbortSignal.timeout(deadlineMs);
    const res = await fetch(`${base}${path}`, { method, headers, body, signal });
    return { status: res.status, ok: res.ok, text: await res.text() };
  }

  async function register(): Promise<void> {
    const res = await call('', 'PUT', timeoutMs, JSON.stringify({ url: opts.url, sdl: opts.sdl }));
    // Final answers: the schema does not compose, or the token may not register this subgraph.
    if ([400, 401, 403, 413, 422].includes(res.status)) {
      throw new RegistrationRefused(
        `registry refused ${opts.subgraph} (${res.status}): ${res.text}`,
      );
    }
    if (!res.ok) throw new Error(`registry answered ${res.status}`);
    registered = true;
    opts.logger.info({ instanceId, url: opts.url }, 'registered with the registry');
  }

  async function beat(): Promise<void> {
    if (!registered) return register();
    const res = await call('/heartbeat', 'PUT', beatTimeoutMs);
    if (res.status === 404) {
      registered = false;
      opts.logger.warn({ instanceId }, 'lease gone; registering again');
      return register();
    }
    if (!res.ok) throw new Error(`heartbeat answered ${res.status}`);
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = beat()
        .then(() => {
          lastError = null;
        })
        .catch((err: unknown) => {
          lastError = reasonOf(err);
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
        lastError = reasonOf(err);
        opts.logger.warn({ err: lastError }, 'registry unreachable; will retry');
      }
      schedule();
    },
    /** Deregisters after the beat in flight (bounded by its deadline), so none lands later. */
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      if (!registered) return;
      await call('', 'DELETE', beatTimeoutMs).catch(() => undefined);
      registered = false;
    },
    /** For /health/ready: the registry answered our last call. */
    async health(): Promise<void> {
      if (lastError) throw new Error(lastError);
    },
  };
}

export type RegistryClient = ReturnType<typeof createRegistryClient>;
