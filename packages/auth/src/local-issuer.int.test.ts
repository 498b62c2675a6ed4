import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { forgedTokens } from '../test/forge';
import { ANONYMOUS, DEFAULT_ROLE_SCOPES } from './identity';
import { mintToken } from './mint-token';
import { loadOrCreateSigningKey, publicJwks, type SigningKey } from './signing-key';
import { createTokenVerifier } from './token-verifier';

const audience = 'tally-api';
const bearer = (token: string) => `Bearer ${token}`;

/** A JWKS endpoint whose key set the test changes, counting the fetches it answers. */
async function jwksServer() {
  let document: { keys: JWK[] } = { keys: [] };
  let fetches = 0;
  let answering = true;
  const server: Server = createServer((_req, res) => {
    fetches += 1;
    if (!answering) return; // holds the request open: a JWKS that never answers
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(document));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    issuer: `http://127.0.0.1:${port}`,
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    serve: (keys: { keys: JWK[] }) => void (document = keys),
    hang: () => void (answering = false),
    fetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('local issuer tokens through the verifier', () => {
  let dirs: string[] = [];
  const newKey = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tally-issuer-'));
    dirs.push(dir);
    return loadOrCreateSigningKey(dir);
  };
  let jwks: Awaited<ReturnType<typeof jwksServer>>;
  let key: SigningKey;

  beforeEach(async () => {
    jwks = await jwksServer();
    key = await newKey();
    jwks.serve(publicJwks(key));
  });
  afterEach(async () => {
    await jwks.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    dirs = [];
  });

  const verifierFor = (extra: { jwksCooldownMs?: number; jwksTimeoutMs?: number } = {}) =>
    createTokenVerifier({
      issuer: jwks.issuer,
      audience,
      jwksUrl: jwks.jwksUrl,
      roleScopes: DEFAULT_ROLE_SCOPES,
      ...extra,
    });

  it('round-trips: a minted subscriber token is that user with scope self', async () => {
    const { token } = await mintToken(key, {
      issuer: jwks.issuer,
      audience,
      role: 'subscriber',
      user: 'u-7',
    });
    const { identity, problem } = await verifierFor().verify(bearer(token));
    expect(problem).toBeUndefined();
    expect(identity).toEqual({ authenticated: true, subject: 'u-7', scopes: new Set(['self']) });
  });

  it('round-trips every default role to its scopes', async () => {
    const verifier = verifierFor();
    for (const [role, scopes] of Object.entries(DEFAULT_ROLE_SCOPES)) {
      const { token } = await mintToken(key, { issuer: jwks.issuer, audience, role, user: 'u-1' });
      const { identity } = await verifier.verify(bearer(token));
      expect({ role, scopes: [...identity.scopes].sort() }).toEqual({
        role,
        scopes: [...scopes].sort(),
      });
    }
  });

  it('refuses forged tokens against the local key', async () => {
    const verifier = verifierFor();
    // The forger holds the issuer's private key, as stored, so only the one flaw is wrong.
    const privateJwk = JSON.parse(await readFile(key.file, 'utf8')) as JWK;
    for (const { name, token, why } of await forgedTokens(privateJwk, {
      issuer: jwks.issuer,
      audience,
    })) {
      const result = await verifier.verify(bearer(token));
      expect({ name, problem: result.problem }).toEqual({
        name,
        problem: expect.stringMatching(why),
      });
      expect(result.identity).toBe(ANONYMOUS);
    }
  });

  it('fetches the keys once for many tokens; made-up kids within the cooldown cost no fetch', async () => {
    const verifier = verifierFor();
    const { token } = await mintToken(key, { issuer: jwks.issuer, audience, role: 'admin' });
    for (let i = 0; i < 5; i += 1)
      expect((await verifier.verify(bearer(token))).identity.authenticated).toBe(true);
    expect(jwks.fetches()).toBe(1);

    const stranger = await mintToken(await newKey(), {
      issuer: jwks.issuer,
      audience,
      role: 'admin',
    });
    for (let i = 0; i < 5; i += 1)
      expect((await verifier.verify(bearer(stranger.token))).problem).toMatch(/no key/);
    expect(jwks.fetches()).toBe(1);
  });

  it('accepts a key added at the issuer once its kid shows up', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 0 });
    const { token } = await mintToken(key, { issuer: jwks.issuer, audience, role: 'agent' });
    expect((await verifier.verify(bearer(token))).identity.authenticated).toBe(true);

    const next = await newKey();
    jwks.serve(publicJwks(next, key));
    const rotated = await mintToken(next, { issuer: jwks.issuer, audience, role: 'agent' });
    expect((await verifier.verify(bearer(rotated.token))).problem).toBeUndefined();
    expect((await verifier.verify(bearer(token))).problem).toBeUndefined();
  });

  it('says so when the JWKS does not answer in time, or cannot be reached', async () => {
    const { token } = await mintToken(key, { issuer: jwks.issuer, audience, role: 'admin' });
    jwks.hang();
    const slow = await verifierFor({ jwksTimeoutMs: 200 }).verify(bearer(token));
    expect(slow).toEqual({ identity: ANONYMOUS, problem: expect.stringMatching(/in time/) });

    await jwks.close();
    const gone = await verifierFor().verify(bearer(token));
    expect(gone).toEqual({ identity: ANONYMOUS, problem: expect.stringMatching(/JWKS/) });
  });
});
