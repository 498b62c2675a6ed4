import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { baseSettings } from './common-schema';
import { loadSettings, SettingsError } from './load-settings';

function serviceRoot(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'settings-'));
  const dir = join(root, 'config');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return root;
}

const schema = baseSettings.extend({ greeting: z.string() });

describe('loadSettings', () => {
  it('lays the service files over the kit defaults, then the overrides', async () => {
    const root = serviceRoot({
      'default.yml': 'port: 4999\ngreeting: hello\n',
      'test.yml': 'greeting: hello from test\n',
    });
    const settings = await loadSettings({
      service: 'demo',
      root,
      schema,
      overrides: { host: '0.0.0.0' },
    });
    expect(settings).toMatchObject({
      port: 4999,
      greeting: 'hello from test',
      host: '0.0.0.0',
      profile: 'test',
    });
    expect(settings.log.level).toBe('warn'); // the kit's test.yml
    expect(Object.isFrozen(settings)).toBe(true);
  });

  it('names every invalid setting', async () => {
    const root = serviceRoot({ 'default.yml': 'port: not-a-port\n' });
    await expect(loadSettings({ service: 'demo', root, schema })).rejects.toThrow(SettingsError);
    await expect(loadSettings({ service: 'demo', root, schema })).rejects.toThrow(
      /port: .*greeting: /,
    );
  });
});

/** Sets environment variables for one test; `restore` puts the previous values back. */
function withEnv(vars: Record<string, string | undefined>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  return { restore: () => apply(saved) };
}

describe('loadSettings in production', () => {
  const secretSchema = baseSettings.extend({
    registry: z.object({ token: z.string() }),
    internalAuth: z.object({
      secret: z.string().min(32),
      secrets: z.record(z.string(), z.string()),
    }),
  });
  const files = {
    'default.yml': [
      'port: 4999',
      'registry:',
      '  token: tally-dev-registry-demo',
      'internalAuth:',
      '  secret: tally-dev-internal-demo-secret-0000000000',
      '  secrets:',
      '    user: tally-dev-internal-user-secret-0000000000',
      // Not in the schema, so not a setting of this service: never refused.
      'unused: tally-dev-something-else',
    ].join('\n'),
    'production.yml': 'internalAuth:\n  secret: ""\n',
    'environment-variables.yml': [
      'DEMO_SECRET: internalAuth.secret',
      'DEMO_SECRETS: internalAuth.secrets',
    ].join('\n'),
  };
  let env: { restore(): void };
  beforeEach(() => {
    env = withEnv({
      NODE_ENV: 'production',
      CONFIG_SERVICE_URL: undefined,
      REGISTRY_TOKEN: undefined,
      DEMO_SECRET: undefined,
      METRICS_TOKEN: undefined,
    });
  });
  afterEach(() => env.restore());

  it('refuses every development value and empty secret, naming the setting and its variable', async () => {
    const failure = loadSettings({
      service: 'demo',
      root: serviceRoot(files),
      schema: secretSchema,
    }).then(
      () => 'started',
      (err: Error) => err,
    );
    const error = await failure;
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message.split('; ')).toEqual([
      'invalid settings for demo (production): registry.token: a development value (tally-dev-…) is refused in production (env REGISTRY_TOKEN)',
      'metrics.token: a required secret is empty (env METRICS_TOKEN)',
      'internalAuth.secret: a required secret is empty (env DEMO_SECRET)',
      'internalAuth.secrets.user: a development value (tally-dev-…) is refused in production (env DEMO_SECRETS)',
    ]);
  });

  it.each([
    ['tally-dev-metrics-token', 'a development value (tally-dev-…) is refused in production'],
    ['short', 'at least 16 characters'],
  ])('refuses the metrics token %j, naming it', async (token, why) => {
    Object.assign(process.env, {
      REGISTRY_TOKEN: 'a-real-registry-token',
      DEMO_SECRET: 'a-real-internal-secret-of-32-characters',
      METRICS_TOKEN: token,
    });
    await expect(
      loadSettings({
        service: 'demo',
        root: serviceRoot(files),
        schema: secretSchema,
        overrides: { internalAuth: { secrets: { user: 'a-real-user-secret-of-32-characters!!' } } },
      }),
    ).rejects.toThrow(
      `invalid settings for demo (production): metrics.token: ${why} (env METRICS_TOKEN)`,
    );
  });

  it('starts once the environment sets them', async () => {
    process.env.REGISTRY_TOKEN = 'a-real-registry-token';
    process.env.DEMO_SECRET = 'a-real-internal-secret-of-32-characters';
    process.env.METRICS_TOKEN = 'a-real-metrics-token';
    const settings = await loadSettings({
      service: 'demo',
      root: serviceRoot(files),
      schema: secretSchema,
      overrides: { internalAuth: { secrets: { user: 'a-real-user-secret-of-32-characters!!' } } },
    });
    expect(settings.registry.token).toBe('a-real-registry-token');
    expect(settings.metrics.token).toBe('a-real-metrics-token');
  });

  it('lets development values be in every other profile', async () => {
    process.env.NODE_ENV = 'test';
    const settings = await loadSettings({
      service: 'demo',
      root: serviceRoot(files),
      schema: secretSchema,
    });
    expect(settings.registry.token).toBe('tally-dev-registry-demo');
  });
});

describe('the config token', () => {
  let env: { restore(): void };
  let seen: Array<string | undefined>;
  let server: ReturnType<typeof createServer>;
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"greeting":"remote"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => {
    seen = [];
    env = withEnv({
      CONFIG_SERVICE_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      CONFIG_TOKEN: undefined,
      NODE_ENV: 'test',
    });
  });
  afterEach(() => env.restore());
  const load = () =>
    loadSettings({ service: 'demo', root: serviceRoot({ 'default.yml': 'port: 4999' }), schema });

  it("is the service's development token outside production when CONFIG_TOKEN is unset", async () => {
    expect((await load()).greeting).toBe('remote');
    expect(seen).toEqual(['Bearer tally-dev-config-demo']);
  });

  it('is CONFIG_TOKEN when set', async () => {
    process.env.CONFIG_TOKEN = 'the-demo-config-token';
    await load();
    expect(seen).toEqual(['Bearer the-demo-config-token']);
  });

  it.each([
    [undefined, /CONFIG_TOKEN is not set/],
    ['tally-dev-config-demo', /CONFIG_TOKEN is a development token/],
  ])('refuses production with CONFIG_TOKEN %j, asking nothing', async (token, why) => {
    process.env.NODE_ENV = 'production';
    if (token) process.env.CONFIG_TOKEN = token;
    await expect(load()).rejects.toThrow(why);
    expect(seen).toEqual([]);
  });
});
