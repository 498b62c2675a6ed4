import { parseTokenPairs } from './config-tokens';

describe('parseTokenPairs', () => {
  it('reads service=token pairs, the token keeping any later =', () => {
    expect(parseTokenPairs(' gateway=abc==, user-subgraph = xyz ,')).toEqual({
      gateway: 'abc==',
      'user-subgraph': 'xyz',
    });
  });

  it.each(['no-equals-sign', '=token', 'Gateway=token'])('refuses %j', (spec) => {
    expect(() => parseTokenPairs(spec)).toThrow(/service=token pairs/);
  });
});
