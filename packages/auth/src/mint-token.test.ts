import { decodeJwt, decodeProtectedHeader } from 'jose';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken, parseTtl, TokenRequestError } from './mint-token';
import { loadOrCreateSigningKey, type SigningKey } from './signing-key';

const issuer = 'http://127.0.0.1:4300';
const audience = 'tally-api';

describe('parseTtl', () => {
  it('reads seconds, minutes, hours and days up to 24 h', () => {
    expect(parseTtl('90s')).toBe(90);
    expect(parseTtl('15m')).toBe(900);
    expect(parseTtl('1h')).toBe(3600);
    expect(parseTtl('24h')).toBe(86400);
    expect(parseTtl('1d')).toBe(86400);
  });

  it.each(['0s', '25h', '2d', '1', 'h', '1.5h', '-1h', '1w', ''])('refuses "%s"', (ttl) => {
    expect(() => parseTtl(ttl)).toThrow(TokenRequestError);
  });
});

describe('mintToken', () => {
  let dir: string;
  let key: SigningKey;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tally-mint-'));
    key = await loadOrCreateSigningKey(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('signs roles, sub, iss, aud and exp with the key named by kid', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { token, expiresAt } = await mintToken(key, {
      issuer,
      audience,
      role: 'subscriber',
      user: 'u-42',
      ttl: '15m',
    });
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'ES256', kid: key.kid });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: issuer,
      aud: audience,
      sub: 'u-42',
      roles: ['subscriber'],
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(expiresAt.getTime()).toBe(claims.exp! * 1000);
  });

  it('gives other roles no sub unless a user is named', async () => {
    const { token } = await mintToken(key, { issuer, audience, role: 'admin' });
    const claims = decodeJwt(token);
    expect(claims.sub).toBeUndefined();
    expect(claims.exp! - claims.iat!).toBe(3600);
    const named = await mintToken(key, { issuer, audience, role: 'agent', user: 'kim' });
    expect(decodeJwt(named.token).sub).toBe('kim');
  });

  it('refuses a subscriber without a user, unknown roles, bad users and bad ttls', async () => {
    const bad = [
      { role: 'subscriber' },
      { role: 'subscriber', user: '  ' },
      { role: 'root' },
      { role: 'constructor' },
      { role: 'admin', roleScopes: { auditor: [] } },
      { role: 'agent', user: 'has space' },
      { role: 'agent', user: 'x'.repeat(129) },
      { role: 'admin', ttl: '48h' },
    ];
    for (const request of bad)
      await expect(mintToken(key, { issuer, audience, ...request })).rejects.toThrow(
        TokenRequestError,
      );
  });

  it('accepts roles of the configured map', async () => {
    const { token } = await mintToken(key, {
      issuer,
      audience,
      role: 'auditor',
      roleScopes: { auditor: ['bills:read'] },
    });
    expect(decodeJwt(token).roles).toEqual(['auditor']);
  });
});
