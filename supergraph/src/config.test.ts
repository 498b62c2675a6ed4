import { DEFAULT_ROLE_SCOPES } from '@tally/auth';
import { PRODUCTION_SETTINGS } from '../test/support/production-settings';
import { loadConfig } from './config';

describe('gateway settings per profile', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });

  it('keeps introspection and the playground for development, with the contract limits', async () => {
    process.env.NODE_ENV = 'development';
    const settings = await loadConfig();
    expect(settings).toMatchObject({ introspection: true, playground: true });
    expect(settings.limits).toEqual({ maxDepth: 10, maxAliases: 30, maxCost: 5000 });
  });

  it('uses the local issuer, the development read token and every subgraph key in development', async () => {
    process.env.NODE_ENV = 'development';
    const settings = await loadConfig();
    expect(settings.auth).toEqual({
      issuer: 'http://127.0.0.1:4300',
      audience: 'tally-api',
      jwksUrl: 'http://127.0.0.1:4300/.well-known/jwks.json',
      roles: DEFAULT_ROLE_SCOPES,
    });
    expect(settings.registry.token).toBe('tally-dev-registry-gateway');
    expect(Object.keys(settings.internalAuth.secrets).sort()).toEqual([
      'settlement',
      'usage',
      'user',
    ]);
  });

  it('takes keys of more subgraphs as name=secret pairs (INTERNAL_SECRETS)', async () => {
    process.env.NODE_ENV = 'development';
    const extra = 'a-key-for-the-extra-subgraph-0000000';
    const settings = await loadConfig({ internalAuth: { moreSecrets: `extra=${extra}` } });
    expect(settings.internalAuth.secrets.extra).toBe(extra);
    expect(settings.internalAuth.secrets.user).toBeDefined();
    await expect(loadConfig({ internalAuth: { moreSecrets: 'extra=short' } })).rejects.toThrow(
      /internalAuth\.moreSecrets: expected name=secret pairs/,
    );
  });

  it('lets a role be given its own scopes, the other roles keeping the defaults', async () => {
    process.env.NODE_ENV = 'development';
    const settings = await loadConfig({ auth: { roles: { agent: ['users:read'] } } });
    expect(settings.auth.roles).toEqual({ ...DEFAULT_ROLE_SCOPES, agent: ['users:read'] });
    await expect(loadConfig({ auth: { roles: { agent: ['users:raed'] } } })).rejects.toThrow(
      /auth\.roles\.agent\.0/,
    );
  });

  it('turns introspection and the playground off in production', async () => {
    process.env.NODE_ENV = 'production';
    expect(await loadConfig(PRODUCTION_SETTINGS)).toMatchObject({
      introspection: false,
      playground: false,
    });
  });

  it('refuses production without its OpenID Connect settings, naming each', async () => {
    process.env.NODE_ENV = 'production';
    const failure = loadConfig({ ...PRODUCTION_SETTINGS, auth: {} });
    await expect(failure).rejects.toThrow(
      /auth\.issuer: required in production \(env AUTH_ISSUER\)/,
    );
    await expect(failure).rejects.toThrow(/auth\.audience: [^;]* \(env AUTH_AUDIENCE\)/);
    await expect(failure).rejects.toThrow(/auth\.jwksUrl: [^;]* \(env AUTH_JWKS_URL\)/);
  });

  it('refuses production with no secrets, naming each with its variable', async () => {
    process.env.NODE_ENV = 'production';
    const failure = loadConfig({ auth: PRODUCTION_SETTINGS.auth });
    await expect(failure).rejects.toThrow(
      'registry.token: a required secret is empty (env REGISTRY_TOKEN)',
    );
    for (const name of ['user', 'usage', 'settlement'])
      await expect(failure).rejects.toThrow(
        `internalAuth.secrets.${name}: a required secret is empty (env INTERNAL_SECRET_${name.toUpperCase()})`,
      );
  });
});
