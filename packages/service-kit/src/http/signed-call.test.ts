import { createServer } from 'node:http';
import { signInternalToken } from '@tally/auth';
import express from 'express';
import pino from 'pino';
import { listen } from './listen';
import { requestIdentity } from './request-identity';
import { requireSignedCall } from './signed-call';

const secret = 'a-user-secret-of-at-least-thirty-two-chars';
const identity = { authenticated: true, subject: 'u1', scopes: new Set(['self']) };

async function serve() {
  const app = express();
  app.use(
    '/graphql',
    requireSignedCall({ audience: 'user', secret, logger: pino({ level: 'silent' }) }),
    (req, res) => {
      const seen = requestIdentity(req);
      res.json({ subject: seen.subject, scopes: [...seen.scopes] });
    },
  );
  return listen(createServer(app), '127.0.0.1', 0);
}

const sign = (audience: string, key = secret) =>
  signInternalToken({ secret: key, caller: 'gateway', audience, identity });

describe('requireSignedCall', () => {
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => (server = await serve()));
  afterAll(() => server.close(1000));

  const call = (authorization?: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });

  it('passes a call signed for this subgraph on, with the identity it carries', async () => {
    const res = await call(`Bearer ${await sign('user')}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ subject: 'u1', scopes: ['self'] });
  });

  it.each([
    ['no Authorization header', async () => undefined],
    ['a caller-made bearer token', async () => 'Bearer made-up'],
    ['a call signed for another subgraph', async () => `Bearer ${await sign('usage')}`],
    [
      'a call signed with another secret',
      async () => `Bearer ${await sign('user', `${secret}-other`)}`,
    ],
  ])('answers 401 with a JSON error to %s', async (_, header) => {
    const res = await call(await header());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    const body = (await res.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });
});
