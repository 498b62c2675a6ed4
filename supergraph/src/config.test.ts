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

  it('turns introspection and the playground off in production', async () => {
    process.env.NODE_ENV = 'production';
    expect(await loadConfig()).toMatchObject({ introspection: false, playground: false });
  });
});
