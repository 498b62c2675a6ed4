import { isHttpUrl, isInstanceId, isSubgraphName } from './names';

describe('isSubgraphName', () => {
  it.each(['user', 'usage-v2', 'a', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(isSubgraphName(name)).toBe(true);
  });
  it.each(['', 'User', '1user', '-user', 'user_x', '../etc', 'a'.repeat(64), 'user/x'])(
    'refuses %j',
    (name) => {
      expect(isSubgraphName(name)).toBe(false);
    },
  );
});

describe('isInstanceId', () => {
  it.each(['user-1a2b3c4d', 'host.local_4001', 'A', 'a'.repeat(128)])('accepts %s', (id) => {
    expect(isInstanceId(id)).toBe(true);
  });
  it.each(['', '.hidden', '-x', 'a b', 'a/b', 'a'.repeat(129)])('refuses %j', (id) => {
    expect(isInstanceId(id)).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it.each(['http://127.0.0.1:4001/graphql', 'https://user.example.com/graphql'])(
    'accepts %s',
    (url) => {
      expect(isHttpUrl(url)).toBe(true);
    },
  );
  it.each([
    'ftp://host/x',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '/graphql',
    'not a url',
    '',
  ])('refuses %j', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});
