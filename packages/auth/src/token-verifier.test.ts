import { ANONYMOUS } from './identity';
import { createTokenVerifier } from './token-verifier';

// Port 9 (discard) on loopback: these cases are settled before any key is fetched.
const verifier = createTokenVerifier({
  issuer: 'http://127.0.0.1:4300',
  audience: 'tally-api',
  jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
  roleScopes: {},
});

describe('createTokenVerifier, before any key is needed', () => {
  it('treats no header as an anonymous caller with no problem', async () => {
    expect(await verifier.verify(undefined)).toEqual({ identity: ANONYMOUS });
    expect(await verifier.verify('  ')).toEqual({ identity: ANONYMOUS });
  });

  it.each([
    ['Basic dXNlcjpwYXNz', /not "Bearer <token>"/],
    ['Bearer', /not "Bearer <token>"/],
    ['Bearer two words', /not "Bearer <token>"/],
    ['Bearer not-a-jwt', /malformed/],
    ['Bearer a.b', /malformed/],
    [`Bearer ${'a'.repeat(9000)}`, /too long/],
  ])('refuses "%s" as anonymous, saying why', async (header, why) => {
    const result = await verifier.verify(header);
    expect(result.identity).toBe(ANONYMOUS);
    expect(result.problem).toMatch(why);
  });

  it('never repeats the token in its problem', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzZWNyZXQtc3ViamVjdCJ9';
    const { problem } = await verifier.verify(`Bearer ${token}`);
    expect(problem).toBeDefined();
    expect(problem).not.toContain(token);
    expect(problem).not.toContain('eyJ');
  });

  it('refuses a clock tolerance beyond the contract and a non-http JWKS url', () => {
    const base = { issuer: 'i', audience: 'a', jwksUrl: 'http://127.0.0.1:9/', roleScopes: {} };
    expect(() => createTokenVerifier({ ...base, clockToleranceSeconds: 61 })).toThrow(RangeError);
    expect(() => createTokenVerifier({ ...base, clockToleranceSeconds: -1 })).toThrow(RangeError);
    expect(() => createTokenVerifier({ ...base, jwksUrl: 'file:///etc/jwks.json' })).toThrow(
      /http/,
    );
  });
});
