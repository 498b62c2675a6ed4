import { sessionStore } from '../auth/session-store';
import { ApiError, endSessionIfRefused, STATUS_CODES } from '../api/graphql-client';
import type { OpsError } from '../../server/src/ops/ops-types';

/**
 * The console server's /ops JSON (web/server/src/ops), as the signed-in person: the token in
 * the Authorization header. Refusals and failures are ApiErrors with the server's code.
 */
export async function opsRequest<T>(path: string, body?: unknown): Promise<T> {
  const token = sessionStore.token();
  try {
    let res: Response;
    try {
      res = await fetch(`/ops/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (err) {
      throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
    }
    const answer = (await res.json().catch(() => undefined)) as T | OpsError | undefined;
    if (res.ok && answer !== undefined) return answer as T;
    const error = (answer as OpsError | undefined)?.error;
    throw new ApiError(
      error?.code ?? STATUS_CODES[res.status] ?? `HTTP_${res.status}`,
      error?.message ?? `the console server answered ${res.status}`,
    );
  } catch (err) {
    endSessionIfRefused(err);
    throw err;
  }
}
