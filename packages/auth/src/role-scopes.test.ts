import { DEFAULT_ROLE_SCOPES } from './identity';
import { scopesOfClaims } from './role-scopes';

const sorted = (s: Set<string>) => [...s].sort();

describe('scopesOfClaims', () => {
  it('maps each role through the configured map', () => {
    expect(sorted(scopesOfClaims({ roles: ['agent'] }, DEFAULT_ROLE_SCOPES))).toEqual([
      'bills:read',
      'usage:read',
      'users:read',
      'users:write',
    ]);
    expect(
      sorted(scopesOfClaims({ roles: ['mediation', 'subscriber'] }, DEFAULT_ROLE_SCOPES)),
    ).toEqual(['self', 'usage:write']);
  });

  it('gives admin every scope but self', () => {
    const scopes = scopesOfClaims({ roles: ['admin'] }, DEFAULT_ROLE_SCOPES);
    expect(scopes.has('bills:close')).toBe(true);
    expect(scopes.has('plans:write')).toBe(true);
    expect(scopes.has('self')).toBe(false);
  });

  it('gives the operations scopes (ops:read, ops:write) to admin alone', () => {
    for (const [role, granted] of Object.entries(DEFAULT_ROLE_SCOPES)) {
      const scopes = scopesOfClaims({ roles: [role] }, DEFAULT_ROLE_SCOPES);
      const expected = role === 'admin';
      expect([role, scopes.has('ops:read'), scopes.has('ops:write')]).toEqual([
        role,
        expected,
        expected,
      ]);
      expect(granted.includes('ops:read')).toBe(expected);
    }
  });

  it('adds the space-separated scope claim', () => {
    expect(
      sorted(scopesOfClaims({ roles: ['mediation'], scope: ' bills:read  users:read ' }, {})),
    ).toEqual(['bills:read', 'users:read']);
    expect(
      sorted(scopesOfClaims({ roles: ['mediation'], scope: 'bills:read' }, DEFAULT_ROLE_SCOPES)),
    ).toEqual(['bills:read', 'usage:write']);
  });

  it('follows the configuration, not the defaults', () => {
    expect(sorted(scopesOfClaims({ roles: ['auditor'] }, { auditor: ['bills:read'] }))).toEqual([
      'bills:read',
    ]);
    expect(sorted(scopesOfClaims({ roles: ['admin'] }, { auditor: ['bills:read'] }))).toEqual([]);
  });

  it('grants nothing for unknown roles, inherited names or claims of the wrong type', () => {
    for (const roles of [['root'], ['constructor'], ['__proto__', 'toString'], [7, null]])
      expect(scopesOfClaims({ roles }, DEFAULT_ROLE_SCOPES).size).toBe(0);
    expect(scopesOfClaims({ roles: 'admin' }, DEFAULT_ROLE_SCOPES).size).toBe(0);
    expect(scopesOfClaims({ scope: ['users:read'] }, DEFAULT_ROLE_SCOPES).size).toBe(0);
    expect(scopesOfClaims({}, DEFAULT_ROLE_SCOPES).size).toBe(0);
  });
});
