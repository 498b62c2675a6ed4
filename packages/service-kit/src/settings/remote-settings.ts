import type { Tree } from './deep-merge';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const MIN_ATTEMPT_MS = 100;

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

/**
 * Fetches this service's merged settings from the config service, retrying with backoff
 * until `deadlineMs` has passed; a config service that accepts and never answers counts as
 * a failed attempt once the attempt's deadline passes.
 */
export async function fetchRemoteSettings(opts: RemoteOptions): Promise<Tree> {
  const url = `${opts.baseUrl.replace(/\/$/, '')}/v1/config/${opts.service}/${opts.profile}`;
  const deadline = Date.now() + opts.deadlineMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    try {
      const remaining = Math.max(deadline - Date.now(), MIN_ATTEMPT_MS);
      const signal = AbortSignal.timeout(Math.min(opts.attemptTimeoutMs ?? 5000, remaining));
      const headers = { authorization: `Bearer ${opts.token}` };
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
      reason = `HTTP ${res.status}`;
    } catch (err) {
      if (err instanceof SettingsError) throw err;
      reason =
        err instanceof Error
          ? ((err.cause as Error | undefined)?.message ?? err.message)
          : String(err);
    }
    if (Date.now() + delay > deadline) {
      throw new SettingsError(
        `config service unreachable at ${url} after ${attempt} attempts: ${reason}`,
      );
    }
    opts.onRetry?.(attempt, reason);
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 4000);
  }
}
