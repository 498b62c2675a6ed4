import { resolvePlaceholders } from './placeholders';

describe('resolvePlaceholders', () => {
  const env = { MONGO_URL: 'mongodb://db:27017', EMPTY: '' };

  it('takes a variable from the environment, over its default', () => {
    expect(
      resolvePlaceholders({ mongo: { url: '${MONGO_URL:mongodb://127.0.0.1:27017}' } }, env),
    ).toEqual({
      ok: true,
      value: { mongo: { url: 'mongodb://db:27017' } },
    });
  });

  it('uses the default when the variable is unset or empty', () => {
    const config = { a: '${UNSET:fallback}', b: '${EMPTY:x}', c: '${UNSET:}' };
    expect(resolvePlaceholders(config, env)).toEqual({
      ok: true,
      value: { a: 'fallback', b: 'x', c: '' },
    });
  });

  it('keeps colons in defaults and resolves several placeholders in one value', () => {
    const config = {
      brokers: '${UNSET:127.0.0.1:9092}',
      url: 'http://${HOST:localhost}:${PORT:4100}/v1',
    };
    expect(resolvePlaceholders(config, env)).toEqual({
      ok: true,
      value: { brokers: '127.0.0.1:9092', url: 'http://localhost:4100/v1' },
    });
  });

  it('resolves inside arrays and leaves non-strings alone', () => {
    const config = { list: ['${MONGO_URL}', 3], on: true, none: null };
    expect(resolvePlaceholders(config, env)).toEqual({
      ok: true,
      value: { list: ['mongodb://db:27017', 3], on: true, none: null },
    });
  });

  it('reports each variable without a value or default, with where it sits', () => {
    const config = { registry: { token: '${REGISTRY_TOKEN}' }, list: ['${OTHER}'] };
    expect(resolvePlaceholders(config, env)).toEqual({
      ok: false,
      unresolved: [
        { variable: 'REGISTRY_TOKEN', path: 'registry.token' },
        { variable: 'OTHER', path: 'list.0' },
      ],
    });
  });
});
