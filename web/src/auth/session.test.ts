import { decodeClaims } from './jwt-claims';
import { scopesOf } from './scopes';
import { hasExpired, ownUserId, roleLabel, sessionOf } from './session';
import { tokenWith } from './test-tokens';

describe('the session a token makes', () => {
  it('reads who is signed in and what their roles allow', () => {
    const session = sessionOf({
      token: tokenWith({ sub: 'u-42', roles: ['subscriber'], exp: 2e9 }),
    });
    expect(session.subject).toBe('u-42');
    expect([...session.scopes]).toEqual(['self']);
    expect(ownUserId(session)).toBe('u-42');
    expect(roleLabel(session)).toBe('subscriber');
    expect(session.expiresAt).toBe(2e9 * 1000);
  });

  it('gives each role its default scopes, and adds scopes the token names', () => {
    expect(scopesOf({ roles: ['agent'] })).toEqual(
      new Set(['users:read', 'users:write', 'bills:read', 'usage:read']),
    );
    expect(scopesOf({ roles: ['admin'] }).has('bills:close')).toBe(true);
    expect(scopesOf({ roles: ['admin'] }).has('self')).toBe(false);
    expect(scopesOf({ scope: 'usage:write  bills:read', roles: ['nobody'] })).toEqual(
      new Set(['usage:write', 'bills:read']),
    );
  });

  it("reads an opaque access token's holder from the id token", () => {
    const session = sessionOf({
      token: 'opaque',
      idToken: tokenWith({ sub: 'op-1', roles: ['agent'] }),
    });
    expect(session.subject).toBe('op-1');
    expect(ownUserId(session)).toBeUndefined();
    expect(roleLabel(sessionOf({ token: 'opaque' }))).toBe('signed in');
  });

  it('knows when it has expired, from the token or the issuer', () => {
    const past = sessionOf({ token: tokenWith({ exp: 1000 }) });
    expect(hasExpired(past)).toBe(true);
    const said = sessionOf({ token: 'opaque', expiresAt: '2030-01-01T00:00:00Z' });
    expect(hasExpired(said, Date.parse('2029-12-31T23:59:59Z'))).toBe(false);
    expect(hasExpired(said, Date.parse('2030-01-01T00:00:00Z'))).toBe(true);
    expect(hasExpired(sessionOf({ token: 'opaque' }))).toBe(false);
  });

  it('reads nothing from what is not a JWT', () => {
    expect(decodeClaims('not-a-token')).toBeNull();
    expect(decodeClaims('a.!!!.c')).toBeNull();
    expect(decodeClaims(`a.${Buffer.from('[1]').toString('base64url')}.c`)).toBeNull();
  });
});
