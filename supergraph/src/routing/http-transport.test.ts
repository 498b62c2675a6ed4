import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpTransport } from './http-transport';

const BODY = '{"query":"{ userByPhone(phone: \\"김\\") }"}';

describe('the http transport', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });
  async function serve(
    handler: RequestListener,
  ): Promise<{ url: string; connections: () => number }> {
    let connections = 0;
    const server = createServer(handler).on('connection', () => connections++);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/graphql`, connections: () => connections };
  }
  const send = createHttpTransport();
  const post = (url: string, timeoutMs = 5_000) =>
    send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
        body: BODY,
      },
      timeoutMs,
    );

  it('posts the body and headers and answers as fetch would', async () => {
    const seen: Array<{ body: string; length?: string; authorization?: string }> = [];
    const { url } = await serve((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({
          body,
          length: req.headers['content-length'],
          authorization: req.headers.authorization,
        });
        res.writeHead(400, 'Bad Request', {
          'Content-Type': 'application/json',
          'X-Two': ['a', 'b'],
        });
        res.end('{"errors":[{"message":"no"}]}');
      });
    });
    const res = await post(url);
    expect(seen).toEqual([
      { body: BODY, length: '43', authorization: 'Bearer t' }, // bytes: 41 characters
    ]);
    expect([res.status, res.statusText, res.ok, res.url]).toEqual([400, 'Bad Request', false, url]);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-two')).toBe('a, b');
    expect(await res.clone().text()).toBe('{"errors":[{"message":"no"}]}');
    expect(await res.json()).toEqual({ errors: [{ message: 'no' }] });
  });

  it('keeps the connection for the next call', async () => {
    const server = await serve((_req, res) => res.end('{}'));
    for (let i = 0; i < 5; i++) expect((await post(server.url)).ok).toBe(true);
    expect(server.connections()).toBe(1);
  });

  it("lets an idle connection go a second before the subgraph's announced keep-alive", async () => {
    const server = await serve((req, res) => {
      req.resume();
      res.end('{}');
    });
    servers.at(-1)!.keepAliveTimeout = 2_000; // announced as timeout=2: kept 1 s idle
    await post(server.url);
    await new Promise((r) => setTimeout(r, 300));
    await post(server.url);
    expect(server.connections()).toBe(1);
    await new Promise((r) => setTimeout(r, 1_300));
    await post(server.url);
    expect(server.connections()).toBe(2);
  });

  it("times out as fetch's deadline does, the answer's body included", async () => {
    const { url } = await serve((_req, res) => res.writeHead(200).write('{"data":')); // never ends
    const started = performance.now();
    await expect(post(url, 300)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('rejects a refused or dropped connection with its code as the cause', async () => {
    const { url } = await serve((req) => req.socket.destroy());
    await expect(post(url)).rejects.toMatchObject({
      name: 'TypeError',
      cause: { code: 'ECONNRESET' },
    });
    const dropped = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': '100' }).write('{"data"');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await expect(post(dropped.url)).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } });
    servers[0]!.closeAllConnections();
    await new Promise((r) => servers.shift()!.close(r));
    await expect(post(url)).rejects.toMatchObject({
      name: 'TypeError',
      cause: { code: 'ECONNREFUSED' },
    });
  });

  it('sends an idempotent request again when its kept connection was closed under it', async () => {
    // Each connection answers its first request and is dropped at its second, unread.
    let requests = 0;
    const server = await serve((req, res) => {
      requests++;
      const served = ((req.socket as { served?: number }).served ?? 0) + 1;
      (req.socket as { served?: number }).served = served;
      if (served > 1) return void req.socket.destroy();
      req.resume();
      res.end('{}');
    });
    const call = (idempotent: boolean) =>
      send(server.url, { method: 'POST', body: BODY }, 5_000, { idempotent });
    expect((await call(true)).ok).toBe(true);
    expect((await call(true)).ok).toBe(true); // dropped, then sent on a new connection
    expect([requests, server.connections()]).toEqual([3, 2]);
    await expect(call(false)).rejects.toMatchObject({ cause: { code: 'ECONNRESET' } });
    expect(requests).toBe(4);
  });

  it('refuses a redirect instead of following it', async () => {
    let followed = 0;
    const elsewhere = await serve((_req, res) => {
      followed++;
      res.end('{}');
    });
    const { url } = await serve((_req, res) =>
      res.writeHead(307, { location: elsewhere.url }).end(),
    );
    await expect(post(url)).rejects.toMatchObject({
      name: 'TypeError',
      cause: { message: /redirect/ },
    });
    expect(followed).toBe(0);
  });
});
