import { authorize, parseTokens } from './access';

describe('API tokens', () => {
  const tokens = parseTokens(' op-token-0001=operator , ro-token-0001=reader ');

  it('is open when no token is configured', () => {
    expect(authorize(parseTokens(''), undefined, 'mutation')).toEqual({ ok: true });
  });
  it('wants a known bearer token', () => {
    expect(authorize(tokens, undefined, 'query')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(authorize(tokens, 'Bearer nope-nope-nope', 'query')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
    expect(authorize(tokens, 'Basic op-token-0001', 'query')).toMatchObject({
      ok: false,
      code: 'UNAUTHENTICATED',
    });
  });
  it('lets a reader query but not mutate; an operator does both', () => {
    expect(authorize(tokens, 'Bearer ro-token-0001', 'query')).toEqual({ ok: true });
    expect(authorize(tokens, 'Bearer ro-token-0001', 'mutation')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(authorize(tokens, 'bearer op-token-0001', 'mutation')).toEqual({ ok: true });
  });
  it.each(['short=operator', 'long-enough-token=admin', '=reader', 'no-role-at-all-here'])(
    'refuses the setting %p',
    (spec) => {
      expect(() => parseTokens(spec)).toThrow(/auth\.tokens/);
    },
  );
});
