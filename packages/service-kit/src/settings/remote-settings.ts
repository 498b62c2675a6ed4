import type { Tree } from './deep-merge';

export class SettingsError extends Error {
  override name = 'SettingsError';
}

interface RemoteOptions {
  baseUrl: string;
  service: string;
  profile: string;
  deadlineMs: number;
  onRetry?: (attempt: number, reason: string) => void;
}

/** Fetches this service's merged settings from the config service, retrying with backoff. */
export async function fetchRemoteSettings(opts: RemoteOptions): Promise<Tree> {
  const url = `${opts.baseUrl.replace(/\/$/, '')}/v1/config/${opts.service}/${opts.profile}`;
  const deadline = Date.now() + opts.deadlineMs;
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    let reason: string;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return (await res.json()) as Tree;
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
