import { productionProblems } from './production-rules';

describe('productionProblems', () => {
  it('finds development values at any depth and empty strings under secret-looking keys', () => {
    const settings = {
      registry: { url: 'http://r', token: '' },
      internalAuth: { secrets: { user: 'tally-dev-internal-user' } },
      list: ['tally-dev-x'],
      note: '',
      allowedHosts: new Set(['tally-dev-host']),
    };
    expect(productionProblems(settings).map((p) => [p.kind, p.path])).toEqual([
      ['empty-secret', 'registry.token'],
      ['development-value', 'internalAuth.secrets.user'],
      ['development-value', 'list.0'],
    ]);
  });

  it('finds nothing in settings without either', () => {
    expect(productionProblems({ mongo: { password: 'real', url: 'mongodb://db' } })).toEqual([]);
  });
});
