import { RetriesExhausted, retry } from '@tally/retry';
import type { Tree } from './deep-merge';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

interface RemoteOptions {
  baseUrl: string;
  service: string;
  profile: string;
  /** This service's config token, sent as `Authorization: Bearer`. */
  token: string;
  deadlineMs: number;
  /** Deadline of one request (default 5 s), never past the overall deadline. */
  attemptTimeoutMs?: number;
  onRetry?: (attempt: number, reason: string) => void;
}

/** Why an attempt failed: the network cause of a fetch failure, or what the service answered. */
const reasonOf = (err: unknown) =>
  err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);

/**
 * Fetches this service's merged settings from the config service, retrying with backoff
 * (250 ms doubling to 4 s, less up to a fifth at random) until `deadlineMs` has passed; a
 * config service that accepts and never answers counts as a failed attempt once the
 * attempt's deadline passes. Answers that retrying cannot mend fail at once.
 */
export async function fetchRemoteSettings(opts: RemoteOptions): Promise<Tree> {
  const url = `${opts.baseUrl.replace(/\/$/, '')}/v1/config/${opts.service}/${opts.profile}`;
  const headers = { authorization: `Bearer ${opts.token}` };
  try {
    return await retry(
      async ({ signal }) => {
        const res = await fetch(url, { headers, signal });
        if (res.ok) return (await res.json()) as Tree;
        if (res.status === 401 || res.status === 403)
          throw new SettingsError(
            `config service refused ${opts.service}'s config token (HTTP ${res.status}) at ${url}: ` +
              `set CONFIG_TOKEN to the token the config service holds for ${opts.service}`,
          );
        if (res.status === 404)
          throw new SettingsError(`config service has no service '${opts.service}' (${url})`);
        const body = await res.text();
        // 5xx with a reason is a broken config file or placeholder: retrying will not mend it.
        if (res.status >= 400 && body.includes('"code"'))
          throw new SettingsError(`config service refused ${url}: ${body}`);
        throw new Error(`HTTP ${res.status}`);
      },
      {
        deadlineMs: opts.deadlineMs,
        attemptTimeoutMs: opts.attemptTimeoutMs ?? 5000,
        initialDelayMs: 250,
        maxDelayMs: 4000,
        // Services started together should not all ask again at the same moment.
        jitter: 0.2,
        retryIf: (err) => !(err instanceof SettingsError),
        onRetry: (attempt, err) => opts.onRetry?.(attempt, reasonOf(err)),
      },
    );
  } catch (err) {
    if (!(err instanceof RetriesExhausted)) throw err;
    throw new SettingsError(
      `config service unreachable at ${url} after ${err.attempts} attempts: ${reasonOf(err.cause)}`,
    );
  }
}
