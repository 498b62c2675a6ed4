import { decodeJwt } from 'jose';
import { forgedTokens, tampered, withinTolerance } from '../test/forge';
import { privateJwk } from '../test/keys';
import { startProvider, type ProviderProcess } from '../test/oidc-provider-process';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES } from './identity';
import { createTokenVerifier, type TokenVerifier } from './token-verifier';

/**
 * The production path against a real OpenID provider (oidc-provider in a child process):
 * JWT access tokens by the client_credentials grant for the resource `urn:tally:api`,
 * audience `tally-api`.
 */
const resource = 'urn:tally:api';
const audience = 'tally-api';
const bearer = (token: string) => `Bearer ${token}`;

describe('token verifier against oidc-provider', () => {
  let provider: ProviderProcess;
  let verifier: TokenVerifier;
  let rsaKey: Awaited<ReturnType<typeof privateJwk>>;

  beforeAll(async () => {
    rsaKey = await privateJwk('RS256', 'provider-rsa-1');
    provider = await startProvider({ keys: [rsaKey], alg: 'RS256', resource, audience });
    verifier = createTokenVerifier({
      issuer: provider.issuer,
      audience,
      jwksUrl: provider.jwksUri,
      roleScopes: DEFAULT_ROLE_SCOPES,
      // Fetch again on every unknown kid, so the rotation below is picked up at once.
      jwksCooldownMs: 0,
    });
  });
  afterAll(() => provider?.stop());

  it('accepts a token the provider issued, with its scope claim', async () => {
    const token = await provider.clientToken('billing-robot', 'users:read bills:read');
    const { identity, problem } = await verifier.verify(bearer(token));
    expect(problem).toBeUndefined();
    expect(identity.authenticated).toBe(true);
    expect(identity.subject).toBe('billing-robot');
    expect([...identity.scopes].sort()).toEqual(['bills:read', 'users:read']);
  });

  it('maps a roles claim from the provider through the role map', async () => {
    const token = await provider.clientToken('network-feed');
    const { identity } = await verifier.verify(bearer(token));
    expect(identity.authenticated).toBe(true);
    expect([...identity.scopes]).toEqual(['usage:write']);
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const token = await provider.clientToken('billing-robot', 'users:read');
    const widened = { ...decodeJwt(token), scope: 'users:read bills:close' };
    const { identity, problem } = await verifier.verify(bearer(tampered(token, widened)));
    expect(identity).toBe(ANONYMOUS);
    expect(problem).toMatch(/signature/);
  });

  it('refuses forged and out-of-date tokens, each for its own reason', async () => {
    const cases = await forgedTokens(rsaKey, { issuer: provider.issuer, audience });
    for (const { name, token, why } of cases) {
      const result = await verifier.verify(bearer(token));
      expect({ name, identity: result.identity }).toEqual({ name, identity: ANONYMOUS });
      expect({ name, problem: result.problem }).toEqual({
        name,
        problem: expect.stringMatching(why),
      });
      expect(result.problem).not.toContain(token);
    }
  });

  it('accepts a token within the 60 s clock tolerance', async () => {
    const cases = await withinTolerance(rsaKey, { issuer: provider.issuer, audience });
    for (const token of cases)
      expect((await verifier.verify(bearer(token))).problem).toBeUndefined();
  });

  it('picks up a key rotation at the provider without a new verifier', async () => {
    const before = await provider.clientToken('billing-robot', 'users:read');
    expect((await verifier.verify(bearer(before))).identity.authenticated).toBe(true);

    const { port } = provider;
    await provider.stop();
    const ecKey = await privateJwk('ES256', 'provider-ec-2');
    provider = await startProvider({ keys: [ecKey], alg: 'ES256', resource, audience, port });

    const after = await provider.clientToken('billing-robot', 'bills:read');
    const { identity, problem } = await verifier.verify(bearer(after));
    expect(problem).toBeUndefined();
    expect([...identity.scopes]).toEqual(['bills:read']);
    // The retired key left the provider's JWKS, so what it signed is no longer trusted.
    expect((await verifier.verify(bearer(before))).problem).toMatch(/no key/);
  });
});
