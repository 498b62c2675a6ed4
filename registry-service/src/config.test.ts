import { loadConfig } from './config';

const PRODUCTION_TOKENS = {
  REGISTRY_ADMIN_TOKEN: 'a-production-admin-token-of-32-chars',
  REGISTRY_TOKEN_GATEWAY: 'a-production-gateway-token-0000001',
  REGISTRY_TOKEN_USER: 'a-production-user-token-00000000001',
  REGISTRY_TOKEN_USAGE: 'a-production-usage-token-0000000001',
  REGISTRY_TOKEN_SETTLEMENT: 'a-production-settlement-token-00001',
  REGISTRY_TOKEN_CONSOLE: 'a-production-console-token-0000001',
  METRICS_TOKEN: 'a-production-metrics-token',
};
type Name = keyof typeof PRODUCTION_TOKENS;
const NAMES = Object.keys(PRODUCTION_TOKENS) as Name[];

describe('registry settings', () => {
  const saved = Object.fromEntries(['NODE_ENV', ...NAMES].map((n) => [n, process.env[n]]));
  beforeEach(() => {
    for (const name of NAMES) delete process.env[name];
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('has a 30 s lease, self-preservation above half, and the development clients', async () => {
    process.env.NODE_ENV = 'development';
    const settings = await loadConfig();
    expect(settings).toMatchObject({
      port: 4100,
      mongo: { database: 'tally_registry' },
      registry: {
        leaseSeconds: 30,
        selfPreservationShare: 0.5,
        adminToken: 'tally-dev-registry-admin',
        clients: {
          gateway: { token: 'tally-dev-registry-gateway', read: true, subgraphs: [] },
          user: { token: 'tally-dev-registry-user', read: true, subgraphs: ['user'] },
          usage: { token: 'tally-dev-registry-usage', read: true, subgraphs: ['usage'] },
          settlement: {
            token: 'tally-dev-registry-settlement',
            read: true,
            subgraphs: ['settlement'],
          },
        },
      },
    });
  });

  it('refuses production without its tokens, naming each setting and variable', async () => {
    process.env.NODE_ENV = 'production';
    const failure = loadConfig();
    await expect(failure).rejects.toThrow(
      'registry.adminToken: a required secret is empty (env REGISTRY_ADMIN_TOKEN)',
    );
    for (const client of ['gateway', 'user', 'usage', 'settlement'])
      await expect(failure).rejects.toThrow(
        `registry.clients.${client}.token: a required secret is empty (env REGISTRY_TOKEN_${client.toUpperCase()})`,
      );
  });

  it('refuses a development token in production', async () => {
    process.env.NODE_ENV = 'production';
    Object.assign(process.env, PRODUCTION_TOKENS, {
      REGISTRY_TOKEN_USER: 'tally-dev-registry-user',
    });
    await expect(loadConfig()).rejects.toThrow(
      /^invalid settings for registry-service \(production\): registry\.clients\.user\.token: a development value \(tally-dev-…\) is refused in production \(env REGISTRY_TOKEN_USER\)$/,
    );
  });

  it('starts in production with every token from the environment', async () => {
    process.env.NODE_ENV = 'production';
    Object.assign(process.env, PRODUCTION_TOKENS);
    const settings = await loadConfig();
    expect(settings.registry.adminToken).toBe(PRODUCTION_TOKENS.REGISTRY_ADMIN_TOKEN);
    expect(settings.registry.clients.usage).toEqual({
      token: PRODUCTION_TOKENS.REGISTRY_TOKEN_USAGE,
      read: true,
      subgraphs: ['usage'],
    });
  });

  it('refuses a token two clients share, and a client granted nothing', async () => {
    process.env.NODE_ENV = 'development';
    await expect(
      loadConfig({ registry: { clients: { tools: { token: 'tally-dev-registry-user' } } } }),
    ).rejects.toThrow(/registry\.clients\.tools: grants nothing/);
    await expect(
      loadConfig({
        registry: { clients: { tools: { token: 'tally-dev-registry-user', read: true } } },
      }),
    ).rejects.toThrow(/registry\.clients\.tools\.token: the same token as client user/);
  });
});
