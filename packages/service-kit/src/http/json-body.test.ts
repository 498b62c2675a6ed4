import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express, { type Request, type Response as ExpressResponse } from 'express';
import pino from 'pino';
import { jsonBody } from './json-body';

describe('jsonBody', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const app = express();
    app.use(
      '/graphql',
      ...jsonBody(pino({ level: 'silent' }), 1000),
      (req: Request, res: ExpressResponse) => {
        res.json({ data: { echo: req.body } });
      },
    );
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (body: string, contentType = 'application/json') =>
    fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });

  async function expectJsonError(res: Response, status: number, message: RegExp) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      errors: [{ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } }],
    });
    // Nothing of the server's insides: no stack, no file path, no library name.
    expect(text).not.toMatch(/at |node_modules|\/work\/|body-parser|express|SyntaxError/i);
  }

  it('passes a JSON body within the limit on', async () => {
    const res = await post('{"query":"{ x }"}');
    expect(await res.json()).toEqual({ data: { echo: { query: '{ x }' } } });
  });

  it('answers a malformed body with a JSON error', async () => {
    await expectJsonError(await post('{"query": '), 400, /not valid JSON/);
  });

  it('answers a body over the limit with 413', async () => {
    await expectJsonError(
      await post(JSON.stringify({ query: 'x'.repeat(2000) })),
      413,
      /over 1,000 bytes/,
    );
  });

  it('answers another content type with 415', async () => {
    await expectJsonError(
      await post('query=%7B%20x%20%7D', 'application/x-www-form-urlencoded'),
      415,
      /must be JSON/,
    );
  });

  it('leaves GET requests to GraphQL', async () => {
    const res = await fetch(`${url}?query=%7Bx%7D`);
    expect(res.status).toBe(200);
  });
});
