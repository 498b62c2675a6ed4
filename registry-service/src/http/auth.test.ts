import { tokenMatches } from './auth';

describe('tokenMatches', () => {
  it('accepts the same token', () => {
    expect(tokenMatches('tally-dev-registry-token', 'tally-dev-registry-token')).toBe(true);
  });

  it.each([
    ['a different token of the same length', 'tally-dev-registry-tokeX'],
    ['a prefix', 'tally-dev'],
    ['a longer token', 'tally-dev-registry-token-and-more'],
    ['an empty token', ''],
  ])('refuses %s', (_what, given) => {
    expect(tokenMatches(given, 'tally-dev-registry-token')).toBe(false);
  });
});
