import { loadConsoleSettings } from './config';

describe('the console settings', () => {
  it('signs in through the local issuer outside production', () => {
    expect(loadConsoleSettings({}).auth).toEqual({
      mode: 'development',
      issuerUrl: 'http://127.0.0.1:4300',
    });
    expect(
      loadConsoleSettings({ NODE_ENV: 'test', ISSUER_URL: 'http://127.0.0.1:5555/' }).auth,
    ).toEqual({ mode: 'development', issuerUrl: 'http://127.0.0.1:5555' });
  });

  it('uses OpenID Connect in production, from NODE_ENV or CONSOLE_PROFILE', () => {
    const oidc = { AUTH_ISSUER: 'https://id.example.com', AUTH_CLIENT_ID: 'tally-console' };
    for (const profile of [{ NODE_ENV: 'production' }, { CONSOLE_PROFILE: 'production' }])
      expect(loadConsoleSettings({ ...profile, ...oidc }).auth).toEqual({
        mode: 'oidc',
        issuer: 'https://id.example.com',
        clientId: 'tally-console',
        resource: undefined,
        scope: 'openid',
      });
  });

  it('refuses to start in production without its sign-in settings, naming the missing one', () => {
    const production = { NODE_ENV: 'production' };
    expect(() => loadConsoleSettings(production)).toThrow(/AUTH_ISSUER \(auth.issuer\)/);
    expect(() =>
      loadConsoleSettings({ ...production, AUTH_ISSUER: 'https://id.example.com' }),
    ).toThrow(/AUTH_CLIENT_ID/);
    expect(() =>
      loadConsoleSettings({
        ...production,
        AUTH_ISSUER: 'http://id.example.com',
        AUTH_CLIENT_ID: 'c',
      }),
    ).toThrow(/https/);
  });
});
