import { join } from 'node:path';

export interface ConsoleSettings {
  host: string;
  port: number;
  /** Where /graphql (and the playground) are proxied to. */
  gatewayUrl: string;
  /** The built console (vite's output). */
  staticDir: string;
  logLevel: string;
}

/**
 * From the environment only (HOST, PORT, GATEWAY_URL, LOG_LEVEL): the console server has
 * nothing to ask the config service, and the defaults are the contract's ports.
 */
export function loadConsoleSettings(env: NodeJS.ProcessEnv = process.env): ConsoleSettings {
  const port = Number(env.PORT || 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number; got ${env.PORT}`);
  const gatewayUrl = env.GATEWAY_URL || 'http://127.0.0.1:4000';
  if (!URL.canParse(gatewayUrl) || !gatewayUrl.startsWith('http'))
    throw new Error(`GATEWAY_URL must be an http(s) URL; got ${gatewayUrl}`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    gatewayUrl: gatewayUrl.replace(/\/$/, ''),
    staticDir: join(__dirname, '..', 'console'),
    logLevel: env.LOG_LEVEL || 'info',
  };
}
