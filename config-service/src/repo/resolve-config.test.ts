import { join } from 'node:path';
import { resolveConfig } from './resolve-config';

const dir = join(__dirname, '..', '..', 'test', 'fixtures', 'repo');

describe('resolveConfig', () => {
  it('overlays application, application-profile, service and service-profile in that order', async () => {
    const result = await resolveConfig({ dir, service: 'demo', profile: 'test', env: {} });
    expect(result).toEqual({
      kind: 'ok',
      files: ['application.yml', 'application-test.yml', 'demo.yml', 'demo-test.yml'],
      config: {
        log: { level: 'warn' },
        mongo: { url: 'mongodb://127.0.0.1:27017', database: 'demo_test' },
        kafka: { brokers: ['c:3'] },
        shared: 'from-demo',
        port: 0,
      },
    });
  });

  it('skips profile files that do not exist', async () => {
    const result = await resolveConfig({ dir, service: 'demo', profile: 'production', env: {} });
    expect(result).toMatchObject({
      kind: 'ok',
      files: ['application.yml', 'demo.yml'],
      config: { port: 4009, log: { level: 'info' } },
    });
  });

  it('resolves placeholders from the given environment', async () => {
    const result = await resolveConfig({
      dir,
      service: 'demo',
      profile: 'default',
      env: { FIXTURE_MONGO_URL: 'mongodb://db:1' },
    });
    expect(result).toMatchObject({ kind: 'ok', config: { mongo: { url: 'mongodb://db:1' } } });
  });

  it('knows no service without its own file', async () => {
    expect(
      await resolveConfig({ dir, service: 'application', profile: 'default', env: {} }),
    ).toEqual({ kind: 'unknown-service' });
    expect(await resolveConfig({ dir, service: 'nobody', profile: 'default', env: {} })).toEqual({
      kind: 'unknown-service',
    });
  });

  it('reports placeholders without a value or default', async () => {
    const result = await resolveConfig({
      dir,
      service: 'needs-secret',
      profile: 'default',
      env: {},
    });
    expect(result).toEqual({
      kind: 'unresolved',
      unresolved: [{ variable: 'FIXTURE_SECRET_TOKEN', path: 'registry.token' }],
    });
  });

  it('names the file that is not valid YAML', async () => {
    await expect(
      resolveConfig({ dir, service: 'broken', profile: 'default', env: {} }),
    ).rejects.toThrow(/^broken\.yml: /);
  });
});
