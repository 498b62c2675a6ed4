import { loadConfig } from './config';

describe('registry settings', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, REGISTRY_TOKEN: process.env.REGISTRY_TOKEN };
  beforeEach(() => {
    delete process.env.REGISTRY_TOKEN;
  });
  afterEach(() => {
    process.env.NODE_ENV = saved.NODE_ENV;
    if (saved.REGISTRY_TOKEN !== undefined) process.env.REGISTRY_TOKEN = saved.REGISTRY_TOKEN;
  });

  it('has a 30 s lease, self-preservation above half, and the development token by default', async () => {
    process.env.NODE_ENV = 'development';
    const settings = await loadConfig();
    expect(settings).toMatchObject({
      port: 4100,
      mongo: { database: 'tally_registry' },
      registry: { leaseSeconds: 30, selfPreservationShare: 0.5, token: 'tally-dev-registry-token' },
    });
  });

  it('refuses to start in production unless REGISTRY_TOKEN is set', async () => {
    process.env.NODE_ENV = 'production';
    await expect(loadConfig()).rejects.toThrow(/registry\.token: set REGISTRY_TOKEN/);
    await expect(loadConfig({ registry: { token: 'tally-dev-registry-token' } })).rejects.toThrow(
      /REGISTRY_TOKEN/,
    );
  });

  it('starts in production with a strong token from REGISTRY_TOKEN', async () => {
    process.env.NODE_ENV = 'production';
    process.env.REGISTRY_TOKEN = 'a-production-token-of-32-chars!!';
    const settings = await loadConfig();
    expect(settings.registry.token).toBe('a-production-token-of-32-chars!!');
  });
});
