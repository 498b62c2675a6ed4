import {
  authorizationUrl,
  readCallback,
  type OidcConfig,
  type PendingSignIn,
} from './oidc-request';

const config: OidcConfig = {
  mode: 'oidc',
  issuer: 'https://id.example.com',
  clientId: 'tally-console',
  scope: 'openid',
  authorizationEndpoint: 'https://id.example.com/authorize?tenant=t1',
};
const pending: PendingSignIn = {
  state: 'state-123',
  verifier: 'verifier',
  redirectUri: 'https://console.example.com/auth/callback',
  returnTo: '#/plans',
};

describe('the authorization request', () => {
  it('asks for a code with an S256 challenge and the state, keeping the endpoint query', () => {
    const url = new URL(
      authorizationUrl(
        { ...config, resource: 'https://api.tally' },
        { state: 'state-123', challenge: 'chal', redirectUri: pending.redirectUri },
      ),
    );
    expect(url.origin + url.pathname).toBe('https://id.example.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 't1',
      response_type: 'code',
      client_id: 'tally-console',
      redirect_uri: 'https://console.example.com/auth/callback',
      scope: 'openid',
      state: 'state-123',
      code_challenge: 'chal',
      code_challenge_method: 'S256',
      resource: 'https://api.tally',
    });
  });
});

describe('the answer on /auth/callback', () => {
  it('gives the code when the state is the one this tab sent', () => {
    expect(readCallback('?code=abc&state=state-123', pending)).toEqual({ ok: true, code: 'abc' });
  });

  it('refuses an answer to another request, or to none', () => {
    expect(readCallback('?code=abc&state=other', pending)).toMatchObject({ ok: false });
    expect(readCallback('?code=abc', pending)).toMatchObject({ ok: false });
    expect(readCallback('?code=abc&state=state-123', null)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not started in this tab/),
    });
  });

  it("says the provider's refusal in its words", () => {
    expect(
      readCallback(
        '?error=access_denied&error_description=User+cancelled&state=state-123',
        pending,
      ),
    ).toEqual({ ok: false, message: 'The sign-in provider said: User cancelled.' });
  });
});
