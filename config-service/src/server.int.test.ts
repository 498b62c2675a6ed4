import { join } from 'node:path';
import { serveConfigService } from '../test/support/served';

const fixtures = join(__dirname, '..', 'test', 'fixtures', 'repo');

/** One token per service of the fixture repo, and for two names that are no service. */
const TOKENS = {
  demo: 'fixture-token-demo-000001',
  'needs-secret': 'fixture-token-needs-secret',
  broken: 'fixture-token-broken-00001',
  nobody: 'fixture-token-nobody-00001',
  application: 'fixture-token-application-1',
};
type Service = keyof typeof TOKENS;

describe('config service over HTTP', () => {
  const served = serveConfigService(
    { configRepo: { dir: fixtures }, tokens: TOKENS },
    { FIXTURE_MONGO_URL: 'mongodb://db.example:27017' },
  );
  const get = (path: string, as: Service | null = 'demo') =>
    fetch(`${served.url}${path}`, {
      headers: as ? { authorization: `Bearer ${TOKENS[as]}` } : {},
    });

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

  it('answers 401 without a token or with an unknown one', async () => {
    const none = await get('/v1/config/demo/default', null);
    const unknown = await fetch(`${served.url}/v1/config/demo/default`, {
      headers: { authorization: 'Bearer not-a-config-token-at-all' },
    });
    for (const res of [none, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
      });
    }
  });

  it("answers 403 to a token asking for another service's configuration", async () => {
    for (const [as, path] of [
      ['demo', '/v1/config/needs-secret/default'],
      ['needs-secret', '/v1/config/demo/test'],
      ['demo', '/v1/config/application/default'],
    ] as const) {
      const res = await get(path, as);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: 'FORBIDDEN', message: expect.any(String) },
      });
    }
  });

  it('answers 404 for an unknown service, and for the shared file as a service', async () => {
    for (const as of ['nobody', 'application'] as const) {
      const res = await get(`/v1/config/${as}/default`, as);
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
    const res = await get('/v1/config/needs-secret/default', 'needs-secret');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('UNRESOLVED_PLACEHOLDER');
    expect(body.error.message).toContain('${FIXTURE_SECRET_TOKEN} at registry.token');
  });

  it('answers 500 BAD_CONFIG_FILE naming a file that is not valid YAML', async () => {
    const res = await get('/v1/config/broken/default', 'broken');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_CONFIG_FILE', message: expect.stringMatching(/^broken\.yml: /) },
    });
  });

  it('is live and ready while its repo is readable, without a token', async () => {
    expect((await get('/health/live', null)).status).toBe(200);
    expect(await (await get('/health/ready', null)).json()).toEqual({
      status: 'ready',
      checks: ['configRepo'],
    });
  });
});

describe('the shipped config service over HTTP, with its development tokens', () => {
  const served = serveConfigService();
  const get = (service: string, token?: string) =>
    fetch(`${served.url}/v1/config/${service}/default`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  const services = [
    'gateway',
    'registry-service',
    'user-subgraph',
    'usage-subgraph',
    'settlement-subgraph',
  ];

  it('holds a development token for every service', () => {
    const { tokens } = served.settings;
    expect(Object.keys(tokens).sort()).toEqual([...services].sort());
    for (const service of services) expect(tokens[service]).toBe(`tally-dev-config-${service}`);
  });

  it.each(services)(
    'answers %s 200 with its own token, 401 without one, 403 with the others',
    async (service) => {
      const { tokens } = served.settings;
      expect((await get(service, tokens[service])).status).toBe(200);
      expect((await get(service)).status).toBe(401);
      for (const other of services.filter((s) => s !== service))
        expect((await get(service, tokens[other])).status).toBe(403);
    },
  );
});
