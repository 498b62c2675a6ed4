import { createLogger, listen, type Listening } from '@tally/service-kit';
import { loadConfig, type Settings } from '../../src/config';
import type { Environment } from '../../src/domain/placeholders';
import { createServer } from '../../src/server';

export interface Served {
  url: string;
  settings: Readonly<Settings>;
}

/**
 * The config service as main builds it, on a free port for the describe block this is called
 * in: started before its tests and closed after them. Settings: loadConfig's (silent, port 0)
 * with `overrides` on top; `env` resolves the served files' placeholders.
 */
export function serveConfigService(overrides: Record<string, unknown> = {}, env: Environment = {}) {
  const served = {} as Served;
  let listening: Listening | undefined;
  beforeAll(async () => {
    const settings = await loadConfig({ port: 0, log: { level: 'silent' }, ...overrides });
    const { httpServer } = createServer({
      settings,
      env,
      logger: createLogger('config-service', 'silent'),
    });
    listening = await listen(httpServer, '127.0.0.1', 0);
    Object.assign(served, { url: listening.url, settings });
  });
  afterAll(() => listening?.close(0));
  return served;
}
