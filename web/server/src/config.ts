import { join } from 'node:path';
import { loadOpsSettings, type OpsSettings } from './ops/ops-settings';

/**
 * How the console signs people in. Development: a "sign in as" form, the token from the
 * stack's local issuer. Production: OpenID Connect (authorization code + PKCE) at `issuer`.
 */
export type ConsoleAuth =
  | { mode: 'development'; issuerUrl: string }
  | {
      mode: 'oidc';
      issuer: string;
      clientId: string;
      /** The API's resource indicator (RFC 8707), when the provider needs one to issue an
       * access token for it. */
      resource?: string;
      scope: string;
    };

export interface ConsoleSettings {
  host: string;
  port: number;
  /** Where /graphql (and the playground) are proxied to. */
  gatewayUrl: string;
  /** The built console (vite's output). */
  staticDir: string;
  logLevel: string;
  /** As every service names it: NODE_ENV, with "development" and unset meaning `default`. */
  profile: string;
  auth: ConsoleAuth;
  /** The Operations page's sources and how its callers are checked (ops/ops-settings.ts). */
  ops: OpsSettings;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function httpUrl(name: string, value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new Error(`${name} must be an http(s) URL; got ${value}`);
  return value.replace(/\/$/, '');
}

/** Same rule as service-kit's settingsProfile; CONSOLE_PROFILE wins when set. */
function profileOf(env: NodeJS.ProcessEnv): string {
  if (env.CONSOLE_PROFILE) return env.CONSOLE_PROFILE;
  const nodeEnv = env.NODE_ENV;
  return !nodeEnv || nodeEnv === 'development' ? 'default' : nodeEnv;
}

/** Production refuses to start without its OpenID Connect settings, naming the missing one. */
function productionAuth(env: NodeJS.ProcessEnv): ConsoleAuth {
  const missing = (name: string, setting: string) =>
    new Error(`${name} (${setting}) must be set in production: the console signs in with OIDC`);
  if (!env.AUTH_ISSUER) throw missing('AUTH_ISSUER', 'auth.issuer');
  if (!env.AUTH_CLIENT_ID) throw missing('AUTH_CLIENT_ID', 'auth.clientId');
  const issuer = httpUrl('AUTH_ISSUER', env.AUTH_ISSUER);
  const { protocol, hostname } = new URL(issuer);
  if (protocol !== 'https:' && !LOOPBACK.has(hostname))
    throw new Error(`AUTH_ISSUER must be https outside loopback; got ${issuer}`);
  return {
    mode: 'oidc',
    issuer,
    clientId: env.AUTH_CLIENT_ID,
    resource: env.AUTH_RESOURCE || undefined,
    scope: env.AUTH_SCOPE || 'openid',
  };
}

/**
 * From the environment only (HOST, PORT, GATEWAY_URL, LOG_LEVEL, NODE_ENV or CONSOLE_PROFILE,
 * ISSUER_URL in development, AUTH_ISSUER, AUTH_CLIENT_ID, AUTH_RESOURCE, AUTH_SCOPE in
 * production; the Operations page's in ops/ops-settings.ts): the console server has nothing
 * to ask the config service.
 */
export function loadConsoleSettings(env: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number; got ${env.PORT}`);
  const profile = profileOf(env);
  const gatewayUrl = httpUrl('GATEWAY_URL', env.GATEWAY_URL || 'http://127.0.0.1:4000');
  const auth: ConsoleAuth =
    profile === 'production'
      ? productionAuth(env)
      : {
          mode: 'development',
          issuerUrl: httpUrl('ISSUER_URL', env.ISSUER_URL || 'http://127.0.0.1:4300'),
        };
  return {
    host: env.HOST || '127.0.0.1',
    port,
    gatewayUrl,
    staticDir: join(__dirname, '..', 'console'),
    logLevel: env.LOG_LEVEL || 'info',
    profile,
    auth,
    ops: loadOpsSettings(env, {
      production: profile === 'production',
      issuerUrl: auth.mode === 'development' ? auth.issuerUrl : undefined,
      gatewayUrl,
    }),
  };
}
