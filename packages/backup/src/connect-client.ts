import type { ConnectorConfig } from './connector-config';
import type { ConnectorStatus } from './connector-state';

/** A Kafka Connect REST API error, with what the worker said. */
export class ConnectError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The few calls of Kafka Connect's REST API the backup needs. */
export function connectClient(baseUrl: string) {
  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    try {
      return await fetch(`${baseUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (err) {
      const why = (err as Error & { cause?: Error }).cause?.message ?? (err as Error).message;
      throw new ConnectError(`Kafka Connect at ${baseUrl} unreachable: ${why}`);
    }
  }
  async function json<T>(res: Response, what: string): Promise<T> {
    if (res.ok) return (await res.json()) as T;
    const text = await res.text();
    let message = text;
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? text;
    } catch {
      // not JSON: keep the text
    }
    throw new ConnectError(`${what}: ${res.status} ${message}`, res.status);
  }
  const path = (name: string) => `/connectors/${encodeURIComponent(name)}`;

  return {
    /** The connector's config, or null when there is no such connector. */
    async config(name: string): Promise<ConnectorConfig | null> {
      const res = await call('GET', `${path(name)}/config`);
      if (res.status === 404) return null;
      return json<ConnectorConfig>(res, `GET ${path(name)}/config`);
    },
    /** Creates or replaces the connector's config (idempotent). */
    async putConfig(name: string, config: ConnectorConfig): Promise<void> {
      const res = await call('PUT', `${path(name)}/config`, config);
      await json(res, `PUT ${path(name)}/config`);
    },
    /** null while the worker does not know the connector (yet). */
    async status(name: string): Promise<ConnectorStatus | null> {
      const res = await call('GET', `${path(name)}/status`);
      if (res.status === 404) return null;
      return json<ConnectorStatus>(res, `GET ${path(name)}/status`);
    },
    async remove(name: string): Promise<void> {
      const res = await call('DELETE', path(name));
      if (res.status !== 404 && !res.ok) await json(res, `DELETE ${path(name)}`);
    },
  };
}

export type ConnectClient = ReturnType<typeof connectClient>;
