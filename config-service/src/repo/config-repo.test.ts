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

describe('the shipped config repo', () => {
  it.each(subgraphs)(
    'gives %s valid subgraph settings on port %i with database %s',
    async (service, port, database) => {
      for (const profile of ['default', 'test']) {
        const result = await resolveConfig({ dir, service, profile, env: {} });
        if (result.kind !== 'ok') throw new Error(`${service}/${profile}: ${result.kind}`);
        const parsed = subgraphSettings.parse({ host: '127.0.0.1', ...result.config, profile });
        expect(parsed).toMatchObject({
          port,
          mongo: { database },
          registry: { token: 'tally-dev-registry-token' },
        });
      }
    },
  );

  it('serves the gateway and the registry their ports', async () => {
    expect(
      await resolveConfig({ dir, service: 'gateway', profile: 'default', env: {} }),
    ).toMatchObject({ config: { port: 4000 } });
    expect(
      await resolveConfig({ dir, service: 'registry-service', profile: 'default', env: {} }),
    ).toMatchObject({
      config: {
        port: 4100,
        mongo: { database: 'tally_registry' },
        billing: { timeZone: 'Asia/Seoul' },
      },
    });
  });

  it('has no development defaults in production', async () => {
    const bare = await resolveConfig({
      dir,
      service: 'user-subgraph',
      profile: 'production',
      env: {},
    });
    expect(bare).toMatchObject({ kind: 'unresolved' });
    const env = {
      MONGO_URL: 'mongodb://db:27017',
      KAFKA_BROKERS: 'k:9092',
      REGISTRY_URL: 'http://registry:4100',
    };
    const result = await resolveConfig({
      dir,
      service: 'user-subgraph',
      profile: 'production',
      env,
    });
    expect(result).toMatchObject({
      kind: 'ok',
      config: { registry: { token: '' }, mongo: { url: 'mongodb://db:27017' } },
    });
  });
});
