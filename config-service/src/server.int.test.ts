import { join } from 'node:path';
import { createLogger, listen, type Listening } from '@tally/service-kit';
import { loadConfig } from './config';
import { createServer } from './server';

const fixtures = join(__dirname, '..', 'test', 'fixtures', 'repo');

describe('config service over HTTP', () => {
  let listening: Listening;
  const get = (path: string) => fetch(`${listening.url}${path}`);

  beforeAll(async () => {
    const settings = await loadConfig({
      port: 0,
      configRepo: { dir: fixtures },
      log: { level: 'silent' },
    });
    const env = { FIXTURE_MONGO_URL: 'mongodb://db.example:27017' };
    const { httpServer } = createServer({
      settings,
      env,
      logger: createLogger('config-service', 'silent'),
    });
    listening = await listen(httpServer, '127.0.0.1', 0);
  });
  afterAll(() => listening.close(0));

  it('merges shared, shared-profile, service and service-profile files and resolves placeholders', async () => {
    const res = await get('/v1/config/demo/test');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      log: { level: 'warn' },
      mongo: { url: 'mongodb://db.example:27017', database: 'demo_test' },
      kafka: { brokers: ['c:3'] },
      shared: 'from-demo',
      port: 0,
    });
  });

  it('serves the service file over the shared one for a profile without files', async () => {
    expect(await (await get('/v1/config/demo/default')).json()).toMatchObject({
      port: 4009,
      log: { level: 'info' },
    });
  });

  it('answers 404 for an unknown service, and for the shared file as a service', async () => {
    for (const path of ['/v1/config/nobody/default', '/v1/config/application/default']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'UNKNOWN_SERVICE', message: expect.any(String) },
      });
    }
  });

  it.each([
    '/v1/config/..%2F..%2Fetc/default',
    '/v1/config/demo/..%2Fdemo',
    '/v1/config/Demo/default',
    '/v1/config/demo/test.yml',
  ])('answers 400 to the name in %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'INVALID_NAME', message: expect.any(String) },
    });
  });

  it('answers 500 UNRESOLVED_PLACEHOLDER naming a variable with no value and no default', async () => {
    const res = await get('/v1/config/needs-secret/default');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNRESOLVED_PLACEHOLDER');
    expect(body.error.message).toContain('${FIXTURE_SECRET_TOKEN} at registry.token');
  });

  it('answers 500 BAD_CONFIG_FILE naming a file that is not valid YAML', async () => {
    const res = await get('/v1/config/broken/default');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_CONFIG_FILE', message: expect.stringMatching(/^broken\.yml: /) },
    });
  });

  it('is live and ready while its repo is readable', async () => {
    expect((await get('/health/live')).status).toBe(200);
    expect(await (await get('/health/ready')).json()).toEqual({
      status: 'ready',
      checks: ['configRepo'],
    });
  });
});
