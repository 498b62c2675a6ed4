import { bearerToken, tokenMatches, tokenOwner } from './token-owner';

describe('tokenMatches', () => {
  it('accepts the same token', () => {
    expect(tokenMatches('tally-dev-registry-user', 'tally-dev-registry-user')).toBe(true);
  });

  it.each([
    ['a different token of the same length', 'tally-dev-registry-usex'],
    ['a prefix', 'tally-dev'],
    ['a longer token', 'tally-dev-registry-user-and-more'],
    ['an empty token', ''],
  ])('refuses %s', (_what, given) => {
    expect(tokenMatches(given, 'tally-dev-registry-user')).toBe(false);
  });
});

describe('tokenOwner', () => {
  const tokens = { gateway: 'gateway-token-0001', 'user-subgraph': 'user-token-00000001' };

  it('names whose token it is', () => {
    expect(tokenOwner(tokens, 'user-token-00000001')).toBe('user-subgraph');
  });

  it.each([undefined, '', 'nobody-token-000001'])('knows no owner of %j', (given) => {
    expect(tokenOwner(tokens, given)).toBeUndefined();
  });
});

describe('bearerToken', () => {
  it.each([
    ['Bearer abc', 'abc'],
    ['bearer  abc ', 'abc'],
    ['Basic abc', undefined],
    ['Bearer a b', undefined],
    [undefined, undefined],
  ])('%j -> %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
});
