import { tokenSettings, type TokenSettings } from './token-config';

/**
 * The token a command-line tool calls the API with: `TALLY_TOKEN` when set (production: a
 * token from your OpenID Connect provider), else one of `role` from the local development
 * issuer that `npm start` runs (`ISSUER_URL`, default http://127.0.0.1:4300).
 */
export async function apiToken(
  role: string,
  settings: TokenSettings = tokenSettings(),
): Promise<string> {
  if (settings.token) return settings.token;
  const issuer = settings.issuerUrl;
  let res: Response;
  try {
    res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role, ttl: '24h' }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (err) {
    throw new Error(
      `no API token: TALLY_TOKEN is not set and the local issuer at ${issuer} does not answer ` +
        `(${(err as Error).message}); start the stack (npm start) or set TALLY_TOKEN`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as {
    token?: string;
    error?: { message?: string };
  };
  if (!res.ok || !body.token)
    throw new Error(
      `no API token: the local issuer at ${issuer} refused a ${role} token: ` +
        (body.error?.message ?? `HTTP ${res.status}`),
    );
  return body.token;
}
