import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleApp } from './console-app';

async function serve(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: Server) => new Promise((r) => server.close(r));

/** Answers every request with what it received. */
function fakeGateway(): Server {
  return createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.writeHead(req.url === '/health/live' ? 200 : 201, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          type: req.headers['content-type'],
          authorization: req.headers.authorization,
          body,
        }),
      );
    });
  });
}

describe('the console server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-web-'));
  const gateway = fakeGateway();
  let gatewayUrl: string;
  let console_: Server;
  let url: string;

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tally console</title>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log(1)');
    gatewayUrl = await serve(gateway);
    console_ = createServer(
      createConsoleApp({
        staticDir: dir,
        gatewayUrl,
        auth: { mode: 'development', issuerUrl: 'http://127.0.0.1:9' },
      }),
    );
    url = await serve(console_);
  });
  afterAll(async () => {
    await close(console_);
    if (gateway.listening) await close(gateway);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the app, its hashed assets for good, and the app for any page asked as HTML', async () => {
    expect(await (await fetch(url)).text()).toContain('Tally console');
    const asset = await fetch(`${url}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${url}/users/42`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('Tally console');
    expect((await fetch(`${url}/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/users`, { headers: { accept: 'application/json' } })).status).toBe(
      404,
    );
  });

  it('forwards /graphql and the playground to the gateway as they came, token included', async () => {
    const res = await fetch(`${url}/graphql?x=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer abc.def.ghi' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      method: 'POST',
      url: '/graphql?x=1',
      type: 'application/json',
      authorization: 'Bearer abc.def.ghi',
      body: '{"query":"{ __typename }"}',
    });
    const asset = await fetch(`${url}/playground/assets/graphiql.min.css`);
    expect(await asset.json()).toMatchObject({
      method: 'GET',
      url: '/playground/assets/graphiql.min.css',
    });
  });

  it('is ready while the gateway answers, and says UNAVAILABLE when it does not', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(200);
    await close(gateway);
    expect((await fetch(`${url}/health/ready`)).status).toBe(503);
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAVAILABLE' } }] });
  });
});
