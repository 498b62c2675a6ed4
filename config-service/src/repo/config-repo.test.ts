import { join } from 'node:path';
import { subgraphSettings } from '@tally/service-kit';
import { resolveConfig } from './resolve-config';

// The files this service ships with, checked against the settings the services validate.
const dir = join(__dirname, '..', '..', 'config-repo');
const subgraphs = [
  ['user-subgraph', 4001, 'tally_user'],
  ['usage-subgraph', 4002, 'tally_usage'],
  ['settlement-subgraph', 4003, 'tally_settlement'],
] as const;

const SECRETS = {
  registryAdmin: 'tally-dev-registry-admin',
  registry: {
    gateway: 'tally-dev-registry-gateway',
    user: 'tally-dev-registry-user',
    usage: 'tally-dev-registry-usage',
    settlement: 'tally-dev-registry-settlement',
    // The web console's read token (its Operations page); the registry's alone to check.
    console: 'tally-dev-registry-console',
  },
  internal: {
    user: 'tally-dev-internal-user-secret-0000000000',
    usage: 'tally-dev-internal-usage-secret-000000000',
    settlement: 'tally-dev-internal-settlement-secret-0000',
  },
};

/** Every secret a service's answer may hold: its own, and the keys of whom it calls. */
const NEEDED: Record<string, string[]> = {
  gateway: [SECRETS.registry.gateway, ...Object.values(SECRETS.internal)],
  'registry-service': [SECRETS.registryAdmin, ...Object.values(SECRETS.registry)],
  'user-subgraph': [SECRETS.registry.user, SECRETS.internal.user],
  'usage-subgraph': [SECRETS.registry.usage, SECRETS.internal.usage, SECRETS.internal.user],
  'settlement-subgraph': [SECRETS.registry.settlement, SECRETS.internal.settlement],
};

async function served(service: string, profile = 'default', env = {}) {
  const result = await resolveConfig({ dir, service, profile, env });
  if (result.kind !== 'ok') throw new Error(`${service}/${profile}: ${result.kind}`);
  return result.config;
}

const devValuesIn = (config: object) =>
  [...new Set(JSON.stringify(config).match(/tally-dev-[A-Za-z0-9-]+/g) ?? [])].sort();

describe('the shipped config repo', () => {
  it.each(subgraphs)(
    'gives %s valid subgraph settings on port %i with database %s',
    async (service, port, database) => {
      const name = service.replace('-subgraph', '') as keyof typeof SECRETS.internal;
      for (const profile of ['default', 'test']) {
        const config = await served(service, profile);
        const parsed = subgraphSettings.parse({ host: '127.0.0.1', ...config, profile });
        expect(parsed).toMatchObject({
          port,
          mongo: { database },
          registry: { token: SECRETS.registry[name] },
          internalAuth: { secret: SECRETS.internal[name] },
        });
      }
    },
  );

  it('serves the gateway and the registry their ports', async () => {
    expect(await served('gateway')).toMatchObject({ port: 4000 });
    expect(await served('registry-service')).toMatchObject({
      port: 4100,
      mongo: { database: 'tally_registry' },
      billing: { timeZone: 'Asia/Seoul' },
    });
  });

  it.each(Object.entries(NEEDED))('serves %s only the secrets it needs', async (service, own) => {
    expect(devValuesIn(await served(service))).toEqual([...own].sort());
  });

  it('serves the registry its client table and the admin token', async () => {
    expect(await served('registry-service')).toMatchObject({
      registry: {
        adminToken: SECRETS.registryAdmin,
        clients: {
          gateway: { token: SECRETS.registry.gateway, read: true },
          usage: { token: SECRETS.registry.usage, read: true, subgraphs: ['usage'] },
        },
      },
    });
  });

  it('has no development defaults in production: every secret is a variable to set', async () => {
    const shared = ['MONGO_URL', 'KAFKA_BROKERS', 'REGISTRY_URL', 'METRICS_TOKEN'];
    const expected: Record<string, string[]> = {
      'user-subgraph': [...shared, 'REGISTRY_TOKEN_USER', 'INTERNAL_SECRET_USER'],
      'usage-subgraph': [
        ...shared,
        'REGISTRY_TOKEN_USAGE',
        'INTERNAL_SECRET_USAGE',
        'INTERNAL_SECRET_USER',
      ],
      gateway: [
        ...shared,
        'REGISTRY_TOKEN_GATEWAY',
        'AUTH_ISSUER',
        'AUTH_AUDIENCE',
        'AUTH_JWKS_URL',
        'INTERNAL_SECRET_USER',
        'INTERNAL_SECRET_USAGE',
        'INTERNAL_SECRET_SETTLEMENT',
      ],
      'registry-service': [
        ...shared,
        'REGISTRY_TOKEN_GATEWAY',
        'REGISTRY_TOKEN_USER',
        'REGISTRY_TOKEN_USAGE',
        'REGISTRY_TOKEN_SETTLEMENT',
        'REGISTRY_TOKEN_CONSOLE',
        'REGISTRY_ADMIN_TOKEN',
      ],
    };
    for (const [service, variables] of Object.entries(expected)) {
      const bare = await resolveConfig({ dir, service, profile: 'production', env: {} });
      if (bare.kind !== 'unresolved') throw new Error(`${service}: ${bare.kind}`);
      expect(bare.unresolved.map((u) => u.variable).sort()).toEqual([...variables].sort());
    }
  });

  it('serves production the values of the config service environment', async () => {
    const env = {
      MONGO_URL: 'mongodb://db:27017',
      KAFKA_BROKERS: 'k:9092',
      REGISTRY_URL: 'http://registry:4100',
      REGISTRY_TOKEN_USER: 'user-registry-token-from-env',
      INTERNAL_SECRET_USER: 'user-internal-secret-from-the-environment',
      METRICS_TOKEN: 'a-metrics-token-from-the-environment',
    };
    expect(await served('user-subgraph', 'production', env)).toMatchObject({
      registry: { token: env.REGISTRY_TOKEN_USER, url: env.REGISTRY_URL },
      internalAuth: { secret: env.INTERNAL_SECRET_USER },
      mongo: { url: env.MONGO_URL },
      metrics: { token: env.METRICS_TOKEN },
    });
  });
});
