import { adminCaller, clientCaller, mayRead, mayWrite } from './access';

describe('registry access', () => {
  const writer = clientCaller('user', { token: 't', read: false, subgraphs: ['user'] });
  const reader = clientCaller('gateway', { token: 't', read: true, subgraphs: [] });

  it('lets a write token change only the subgraphs it names', () => {
    expect(mayWrite(writer, 'user')).toBe(true);
    expect(mayWrite(writer, 'usage')).toBe(false);
    expect(mayWrite(reader, 'user')).toBe(false);
  });

  it('lets only tokens with read list', () => {
    expect(mayRead(reader)).toBe(true);
    expect(mayRead(writer)).toBe(false);
  });

  it('lets the admin do everything', () => {
    expect(mayRead(adminCaller())).toBe(true);
    expect(mayWrite(adminCaller(), 'anything')).toBe(true);
  });
});
