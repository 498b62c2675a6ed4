import { isConfigName } from './names';

describe('isConfigName', () => {
  it.each(['user-subgraph', 'gateway', 'default', 'production', 'a1'])('accepts %s', (name) => {
    expect(isConfigName(name)).toBe(true);
  });

  it.each([
    '',
    '..',
    '../etc',
    '..%2Fetc',
    'a/b',
    'a\\b',
    'User',
    '1st',
    '-x',
    'a.yml',
    'a b',
    'x'.repeat(64),
  ])('refuses %j', (name) => {
    expect(isConfigName(name)).toBe(false);
  });
});
