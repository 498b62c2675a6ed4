import { ANONYMOUS, verifyInternalToken } from '@tally/auth';
import { createCallSigner, MissingSubgraphSecret } from './call-signer';

const secrets = {
  user: 'a-user-secret-of-at-least-thirty-two-chars',
  usage: 'a-usage-secret-of-at-least-thirty-two-chars',
};
const admin = {
  authenticated: true,
  subject: 'ops',
  scopes: new Set(['users:read', 'bills:read']),
};

describe('the call signer', () => {
  let clock = 0;
  const signer = (maxCached?: number) =>
    createCallSigner(secrets, { now: () => clock, reuseMs: 30_000, maxCached });
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('signs for the subgraph, with its secret, carrying the identity', async () => {
    const token = await signer()('user', admin);
    const call = await verifyInternalToken(token, { secret: secrets.user, audience: 'user' });
    expect(call).toEqual({ caller: 'gateway', identity: admin });
    await expect(
      verifyInternalToken(token, { secret: secrets.usage, audience: 'usage' }),
    ).rejects.toThrow();
  });

  it('reuses a token for the same subgraph and identity for 30 s, then signs afresh', async () => {
    const sign = signer();
    const first = await sign('user', admin);
    clock += 29_999;
    const sameClaims = { ...admin, scopes: new Set(['bills:read', 'users:read']) };
    expect(await sign('user', sameClaims)).toBe(first);
    clock += 1;
    await new Promise((r) => setTimeout(r, 1_100)); // a new iat, so a new token
    expect(await sign('user', admin)).not.toBe(first);
  });

  it('signs separately per subgraph and per identity', async () => {
    const sign = signer();
    const tokens = await Promise.all([
      sign('user', admin),
      sign('usage', admin),
      sign('user', ANONYMOUS),
      sign('user', { ...admin, subject: 'someone-else' }),
      sign('user', { ...admin, scopes: new Set(['users:read']) }),
    ]);
    expect(new Set(tokens).size).toBe(tokens.length);
    const anonymous = await verifyInternalToken(tokens[2], {
      secret: secrets.user,
      audience: 'user',
    });
    expect(anonymous.identity.authenticated).toBe(false);
  });

  it('keeps at most maxCached tokens, forgetting the oldest signed', async () => {
    const sign = signer(2);
    const a = await sign('user', { ...admin, subject: 'a' });
    await sign('user', { ...admin, subject: 'b' });
    expect(await sign('user', { ...admin, subject: 'a' })).toBe(a);
    await sign('user', { ...admin, subject: 'c' }); // a, b, c: b (the oldest) goes
    expect(await sign('user', { ...admin, subject: 'a' })).toBe(a);
  });

  it('refuses a subgraph it holds no secret for', async () => {
    await expect(signer()('billing', admin)).rejects.toThrow(MissingSubgraphSecret);
  });
});
