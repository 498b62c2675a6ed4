import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { ConsoleAuth } from '../config';
import { authRouter } from './auth-router';

type Handler = (req: IncomingMessage & { body: string }, res: ServerResponse) => void;

async function serve(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: Server) => new Promise((r) => server.close(r));

/** An HTTP server whose answers the test sets, keeping what it was asked. */
function fakeServer(handler: { current: Handler }) {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => handler.current(Object.assign(req, { body }), res));
  });
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

async function consoleWith(auth: ConsoleAuth): Promise<{ url: string; server: Server }> {
  const app = express();
  app.use(authRouter(auth));
  const server = createServer(app);
  return { url: await serve(server), server };
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('signing in, in development', () => {
  const issuerAnswer: { current: Handler } = { current: () => {} };
  const issuer = fakeServer(issuerAnswer);
  let console_: { url: string; server: Server };
  beforeAll(async () => {
    console_ = await consoleWith({ mode: 'development', issuerUrl: await serve(issuer) });
  });
  afterAll(async () => {
    await close(console_.server);
    if (issuer.listening) await close(issuer);
  });

  it('says it is the development mode', async () => {
    const res = await fetch(`${console_.url}/auth/config`);
    expect(await res.json()).toEqual({ mode: 'development' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('gets a token from the local issuer for the chosen role and user', async () => {
    let asked: unknown;
    issuerAnswer.current = (req, res) => {
      asked = { url: req.url, body: JSON.parse(req.body) };
      json(res, 200, { token: 'a.b.c', expiresAt: '2030-01-01T00:00:00Z' });
    };
    const res = await post(`${console_.url}/auth/dev-token`, { role: 'subscriber', user: 'u1' });
    expect(await res.json()).toEqual({ token: 'a.b.c', expiresAt: '2030-01-01T00:00:00Z' });
    expect(asked).toEqual({ url: '/token', body: { role: 'subscriber', user: 'u1' } });
  });

  it("passes on the issuer's refusal of bad input", async () => {
    issuerAnswer.current = (_req, res) =>
      json(res, 400, { error: { code: 'BAD_USER_INPUT', message: 'a subscriber needs a user' } });
    const res = await post(`${console_.url}/auth/dev-token`, { role: 'subscriber' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'a subscriber needs a user' },
    });
  });

  it('takes JSON only, so no form on another site can ask for a token', async () => {
    const res = await fetch(`${console_.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"role":"admin"}',
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('refuses a body that is not JSON, in JSON', async () => {
    const res = await fetch(`${console_.url}/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST' } });
  });

  it('says clearly when the issuer is down', async () => {
    await close(issuer);
    const res = await post(`${console_.url}/auth/dev-token`, { role: 'admin' });
    expect(res.status).toBe(503);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('ISSUER_UNAVAILABLE');
    expect(error.message).toMatch(/npm start/);
    expect(error.message).toMatch(
      /^The local token issuer at http:\/\/127.0.0.1:\d+ is not reachable/,
    );
  });
});

describe('signing in, in production (OpenID Connect)', () => {
  const providerAnswer: { current: Handler } = { current: () => {} };
  const provider = fakeServer(providerAnswer);
  let issuer: string;
  let console_: { url: string; server: Server };
  const discovery = () => ({
    issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    code_challenge_methods_supported: ['S256'],
  });
  beforeAll(async () => {
    issuer = await serve(provider);
    console_ = await consoleWith({ mode: 'oidc', issuer, clientId: 'console', scope: 'openid' });
  });
  afterAll(async () => {
    await close(console_.server);
    await close(provider);
  });

  it('has no development token route', async () => {
    expect((await post(`${console_.url}/auth/dev-token`, { role: 'admin' })).status).toBe(404);
  });

  it('tells the SPA where to sign in, from the discovery document', async () => {
    providerAnswer.current = (req, res) =>
      req.url === '/.well-known/openid-configuration'
        ? json(res, 200, discovery())
        : json(res, 404, {});
    expect(await (await fetch(`${console_.url}/auth/config`)).json()).toEqual({
      mode: 'oidc',
      issuer,
      clientId: 'console',
      scope: 'openid',
      authorizationEndpoint: `${issuer}/auth`,
    });
  });

  it('exchanges the code with its verifier as a public client', async () => {
    let form: URLSearchParams | undefined;
    providerAnswer.current = (req, res) => {
      if (req.url !== '/token') return json(res, 200, discovery());
      form = new URLSearchParams(req.body);
      json(res, 200, { access_token: 'at.jwt.x', id_token: 'id.jwt.x', expires_in: 600 });
    };
    const res = await post(`${console_.url}/auth/oidc-token`, {
      code: 'the-code',
      codeVerifier: 'the-verifier',
      redirectUri: 'http://127.0.0.1:3000/auth/callback',
    });
    expect(await res.json()).toMatchObject({ token: 'at.jwt.x', idToken: 'id.jwt.x' });
    expect(Object.fromEntries(form!)).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      code_verifier: 'the-verifier',
      redirect_uri: 'http://127.0.0.1:3000/auth/callback',
      client_id: 'console',
    });
  });

  it("says why the provider refused, and takes no redirect but the console's callback", async () => {
    providerAnswer.current = (_req, res) =>
      json(res, 400, { error: 'invalid_grant', error_description: 'grant request is invalid' });
    const refused = await post(`${console_.url}/auth/oidc-token`, {
      code: 'old',
      codeVerifier: 'v',
      redirectUri: 'http://127.0.0.1:3000/auth/callback',
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        code: 'SIGN_IN_FAILED',
        message: 'The sign-in provider refused: grant request is invalid.',
      },
    });
    const elsewhere = await post(`${console_.url}/auth/oidc-token`, {
      code: 'c',
      codeVerifier: 'v',
      redirectUri: 'https://evil.example/steal',
    });
    expect(elsewhere.status).toBe(400);
  });
});
