import { spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '@tally/infra';
import { startServiceProcess, waitReady, type ServiceProcess } from '@tally/stack';

const ENTRY = join(__dirname, '..', '..', 'web', 'dist', 'server', 'main.js');
const OIDC_PROVIDER = join(__dirname, '..', '..', 'web', 'test', 'oidc-provider-server.mjs');

export interface WebConsoleOptions {
  /** The stack's local issuer, where "sign in as" gets its tokens (development). */
  issuerUrl?: string;
  /** Its port; by default a free one. */
  port?: number;
  /** More environment: e.g. NODE_ENV=production with AUTH_ISSUER and AUTH_CLIENT_ID. */
  env?: Record<string, string>;
}

/** The built web console (web/dist) served on a free port, its /graphql proxied to `gatewayUrl`. */
export async function startWebConsole(
  gatewayUrl: string,
  opts: WebConsoleOptions = {},
): Promise<{ url: string; proc: ServiceProcess }> {
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const proc = startServiceProcess(
    ENTRY,
    {
      ...process.env,
      PORT: String(port),
      GATEWAY_URL: gatewayUrl,
      LOG_LEVEL: 'warn',
      ...(opts.issuerUrl && { ISSUER_URL: opts.issuerUrl }),
      ...opts.env,
    },
    (why) => output.push(`web ${why}`),
  );
  for (const stream of [proc.child.stdout, proc.child.stderr])
    stream?.on('data', (d: Buffer) => output.push(d.toString()));
  await waitReady(`${url}/health/ready`, 30_000, proc.exitReason).catch((err: Error) => {
    throw new Error(`the web console did not start: ${err.message}\n${output.join('')}`);
  });
  return { url, proc };
}

export interface OidcProvider {
  issuer: string;
  jwksUri: string;
  stop(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) with one public client for the console: the
 * authorization code flow with PKCE, the provider's development login page (any login; the
 * login's prefix names the role, e.g. "admin-kim"), JWT access tokens with `aud` =
 * `audience` for the resource `resource`, signed ES256.
 */
export async function startOidcProvider(opts: {
  clientId: string;
  redirectUri: string;
  resource: string;
  audience: string;
}): Promise<OidcProvider> {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = {
    ...privateKey.export({ format: 'jwk' }),
    alg: 'ES256',
    use: 'sig',
    kid: randomBytes(6).toString('hex'),
  };
  const child = spawn(process.execPath, [OIDC_PROVIDER], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      OIDC_JWKS: JSON.stringify({ keys: [jwk] }),
      OIDC_CLIENT_ID: opts.clientId,
      OIDC_REDIRECT_URI: opts.redirectUri,
      OIDC_RESOURCE: opts.resource,
      OIDC_AUDIENCE: opts.audience,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  const { issuer } = await new Promise<{ issuer: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`oidc-provider not ready: ${stderr}`)), 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`oidc-provider exited (${code}): ${stderr}`));
    });
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{"ready":true')) return;
      clearTimeout(timer);
      resolve(JSON.parse(line) as { issuer: string });
    });
  });
  const discovery = (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as {
    jwks_uri: string;
  };
  return {
    issuer,
    jwksUri: discovery.jwks_uri,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
