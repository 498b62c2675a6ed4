import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { JWK } from 'jose';

const SCRIPT = join(__dirname, 'oidc-provider-server.mjs');
const START_DEADLINE_MS = 60_000;

export interface ProviderProcess {
  issuer: string;
  port: number;
  /** The token endpoint and JWKS, as the provider's discovery document names them. */
  tokenEndpoint: string;
  jwksUri: string;
  /** An access token by the client_credentials grant (the robots; not with `person`). */
  clientToken(clientId: string, scope?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ProviderOptions {
  /** Private JWKs (with kid); the provider signs with the one matching `alg`. */
  keys: JWK[];
  alg: 'RS256' | 'ES256';
  resource: string;
  audience: string;
  /** 0 for any free port; a restart passes the previous one to keep the issuer. */
  port?: number;
  /**
   * Instead of the robots (client_credentials): one public client signing a person in by the
   * authorization code flow with PKCE on the provider's development login page, where the
   * login's prefix names the role ("admin-kim").
   */
  person?: { clientId: string; redirectUri: string };
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts the provider and resolves once it prints its ready line and answers discovery. */
export async function startProvider(opts: ProviderOptions): Promise<ProviderProcess> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_JWKS: JSON.stringify({ keys: opts.keys }),
      OIDC_PORT: String(opts.port ?? 0),
      OIDC_RESOURCE: opts.resource,
      OIDC_AUDIENCE: opts.audience,
      OIDC_ALG: opts.alg,
      // Empty (the robots) unless a person signs in, whatever this process's environment says.
      OIDC_CLIENT_ID: opts.person?.clientId ?? '',
      OIDC_REDIRECT_URI: opts.person?.redirectUri ?? '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));

  const ready = await new Promise<{ issuer: string; port: number }>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`oidc-provider not ready in ${START_DEADLINE_MS} ms: ${stderr}`)),
      START_DEADLINE_MS,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited (${code}) before it was ready: ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{"ready":true')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { issuer: string; port: number });
    });
  });

  const discovery = (await (
    await fetch(`${ready.issuer}/.well-known/openid-configuration`)
  ).json()) as { token_endpoint: string; jwks_uri: string; issuer: string };
  if (discovery.issuer !== ready.issuer)
    throw new Error(`discovery names issuer ${discovery.issuer}, not ${ready.issuer}`);

  return {
    ...ready,
    tokenEndpoint: discovery.token_endpoint,
    jwksUri: discovery.jwks_uri,
    async clientToken(clientId, scope) {
      const body = new URLSearchParams({
        grant_type: 'client_credentials',
        resource: opts.resource,
      });
      if (scope) body.set('scope', scope);
      const basic = Buffer.from(`${clientId}:${clientId}-secret-of-enough-length`).toString(
        'base64',
      );
      const res = await fetch(discovery.token_endpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}` },
        body,
      });
      const answer = (await res.json()) as { access_token?: string };
      if (!res.ok || !answer.access_token)
        throw new Error(`token endpoint ${res.status}: ${JSON.stringify(answer)}`);
      return answer.access_token;
    },
    async stop() {
      const gone = exited(child);
      child.kill('SIGTERM');
      await gone;
    },
  };
}
