import { ANONYMOUS } from './identity';
import { InternalTokenError, signInternalToken, verifyInternalToken } from './internal-token';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const identity = { authenticated: true, subject: 'u1', scopes: new Set(['self']) };

describe('internal tokens', () => {
  it('carry the identity to the subgraph they were signed for', async () => {
    const token = await signInternalToken({
      secret,
      caller: 'gateway',
      audience: 'user',
      identity,
    });
    const call = await verifyInternalToken(token, { secret, audience: 'user' });
    expect(call.caller).toBe('gateway');
    expect(call.identity).toEqual(identity);
  });

  it('carry an anonymous caller as unauthenticated', async () => {
    const token = await signInternalToken({
      secret,
      caller: 'gateway',
      audience: 'user',
      identity: ANONYMOUS,
    });
    const call = await verifyInternalToken(token, { secret, audience: 'user' });
    expect(call.identity).toEqual({ authenticated: false, subject: undefined, scopes: new Set() });
  });

  it('are refused by another subgraph, with another secret, or once expired', async () => {
    const token = await signInternalToken({
      secret,
      caller: 'gateway',
      audience: 'user',
      identity,
    });
    await expect(verifyInternalToken(token, { secret, audience: 'usage' })).rejects.toThrow(
      InternalTokenError,
    );
    await expect(
      verifyInternalToken(token, { secret: `${secret}-other`, audience: 'user' }),
    ).rejects.toThrow(InternalTokenError);
    const expired = await signInternalToken({
      secret,
      caller: 'gateway',
      audience: 'user',
      identity,
      ttlSeconds: -120,
    });
    await expect(verifyInternalToken(expired, { secret, audience: 'user' })).rejects.toThrow(
      /ERR_JWT_EXPIRED/,
    );
    await expect(verifyInternalToken('not.a.token', { secret, audience: 'user' })).rejects.toThrow(
      InternalTokenError,
    );
  });
});
