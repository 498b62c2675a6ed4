import { describeSets, judge, OWNER_AFTER_RESOLVING } from './scope-sets';

const caller = (scopes: string[], subject?: string) => ({
  authenticated: true,
  subject,
  scopes: new Set(scopes),
});
const OWN = [['users:read'], ['self']];

describe('judge', () => {
  it('takes any one set, all of its scopes', () => {
    const sets = [['usage:read', 'bills:read'], ['plans:write']];
    expect(judge(sets, caller(['usage:read', 'bills:read']), undefined)).toBe('allowed');
    expect(judge(sets, caller(['plans:write']), undefined)).toBe('allowed');
    expect(judge(sets, caller(['usage:read']), undefined)).toBe('denied');
  });

  it('grants self only to a holder of the self scope, on data its subject owns', () => {
    expect(judge(OWN, caller(['self'], 'u1'), 'u1')).toBe('allowed');
    expect(judge(OWN, caller(['self'], 'u1'), 'u2')).toBe('denied');
    expect(judge(OWN, caller(['self'], 'u1'), undefined)).toBe('denied');
    expect(judge(OWN, caller(['self']), undefined)).toBe('denied');
    expect(judge(OWN, caller(['usage:read'], 'u1'), 'u1')).toBe('denied');
  });

  it('waits for the result only when self is what is left', () => {
    expect(judge(OWN, caller(['self'], 'u1'), OWNER_AFTER_RESOLVING)).toBe('after-resolving');
    expect(judge(OWN, caller(['users:read']), OWNER_AFTER_RESOLVING)).toBe('allowed');
    expect(judge(OWN, caller(['usage:read'], 'u1'), OWNER_AFTER_RESOLVING)).toBe('denied');
  });
});

it('describes what a field needs', () => {
  expect(describeSets([['users:read', 'bills:read'], ['self']])).toBe(
    "users:read and bills:read, or self (the caller's own data only)",
  );
});
