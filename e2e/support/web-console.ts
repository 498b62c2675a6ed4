import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '@tally/infra';
import type { Page } from 'playwright-core';
import { startServiceProcess, waitReady, type ServiceProcess } from '@tally/stack';
import { privateJwk } from '../../packages/auth/test/keys';
import {
  startProvider,
  type ProviderProcess,
} from '../../packages/auth/test/oidc-provider-process';

const ENTRY = join(__dirname, '..', '..', 'web', 'dist', 'server', 'main.js');

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
}): Promise<ProviderProcess> {
  return startProvider({
    keys: [await privateJwk('ES256', randomBytes(6).toString('hex'))],
    alg: 'ES256',
    resource: opts.resource,
    audience: opts.audience,
    person: { clientId: opts.clientId, redirectUri: opts.redirectUri },
  });
}

/** Development sign-in: "Sign in as" `role` (a subscriber names their user), after signing out;
 * it returns once the console says who is signed in (and has moved to its home page). */
export async function signInAs(page: Page, consoleUrl: string, role: string, user?: string) {
  await page.goto(consoleUrl);
  const form = page.getByRole('form', { name: 'Sign in as' });
  const signOut = page.getByRole('button', { name: 'Sign out' });
  await form.or(signOut).waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await form.getByLabel('Role').selectOption(role);
  if (user) await form.getByLabel('User id').fill(user);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${role}`).waitFor();
}
