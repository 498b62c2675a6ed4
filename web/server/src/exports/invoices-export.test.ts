import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { buildSchema, parse, validate } from 'graphql';
import { INVOICES_EXPORT_QUERY } from './invoice-pages';
import { invoicesExportRouter } from './invoices-export';

async function serve(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: Server) => new Promise((r) => server.close(r));
const bodyOf = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => resolve(body));
  });

const invoice = (n: number, name = `User ${n}`) => ({
  number: `INV-202610-${String(n).padStart(6, '0')}`,
  period: '2026-10',
  issuedAt: '2026-11-03T15:00:00.000Z',
  userId: `u-${n}`,
  user: { name },
  bill: { baseFee: 30000, overageCharge: n * 100, adjustmentTotal: n === 2 ? -500 : 0 },
  total: 30000 + n * 100 + (n === 2 ? -500 : 0),
});
const INVOICES = [invoice(1, 'Kim, "MJ"\nMinji'), invoice(2), invoice(3), invoice(4), invoice(5)];

interface Asked {
  authorization?: string;
  variables: { period: string; first: number; after: string | null };
}

/** A gateway serving INVOICES in pages; `answer` may replace the answer to the nth request. */
function fakeGateway(answer: (n: number) => { status: number; body: unknown } | undefined) {
  const asked: Asked[] = [];
  const server = createServer((req, res) => {
    void bodyOf(req).then((raw) => {
      const { variables } = JSON.parse(raw) as Asked;
      asked.push({ authorization: req.headers.authorization, variables });
      const from = variables.after ? Number(variables.after) : 0;
      const edges = INVOICES.slice(from, from + variables.first).map((node) => ({ node }));
      const more = from + variables.first < INVOICES.length;
      const page = {
        data: {
          invoices: {
            edges,
            pageInfo: {
              hasNextPage: more,
              endCursor: more ? String(from + variables.first) : null,
            },
          },
        },
      };
      const { status, body } = answer(asked.length) ?? { status: 200, body: page };
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  });
  return { server, asked };
}

describe('the invoices CSV export', () => {
  let reply: (n: number) => { status: number; body: unknown } | undefined = () => undefined;
  const gateway = fakeGateway((n) => reply(n));
  let gatewayUrl: string;
  let exports: Server;
  let url: string;
  const TOKEN = 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln';

  beforeAll(async () => {
    gatewayUrl = await serve(gateway.server);
    exports = createServer(express().use(invoicesExportRouter({ gatewayUrl, pageSize: 2 })));
    url = await serve(exports);
  });
  beforeEach(() => {
    reply = () => undefined;
    gateway.asked.length = 0;
  });
  afterAll(async () => {
    await close(exports);
    await close(gateway.server);
  });

  const download = (period = '2026-10', authorization: string | null = TOKEN) =>
    fetch(`${url}/exports/invoices.csv?period=${period}`, {
      headers: authorization ? { authorization } : {},
    });

  it("streams the header, then every page's invoices by number, asking as the caller", async () => {
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="invoices-2026-10.csv"',
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe(
      [
        'number,period,issuedAt,userId,userName,baseFee,overageCharge,adjustmentTotal,total',
        'INV-202610-000001,2026-10,2026-11-03T15:00:00.000Z,u-1,"Kim, ""MJ""\nMinji",30000,100,0,30100',
        'INV-202610-000002,2026-10,2026-11-03T15:00:00.000Z,u-2,User 2,30000,200,-500,29700',
        'INV-202610-000003,2026-10,2026-11-03T15:00:00.000Z,u-3,User 3,30000,300,0,30300',
        'INV-202610-000004,2026-10,2026-11-03T15:00:00.000Z,u-4,User 4,30000,400,0,30400',
        'INV-202610-000005,2026-10,2026-11-03T15:00:00.000Z,u-5,User 5,30000,500,0,30500',
        '',
      ].join('\r\n'),
    );
    expect(gateway.asked).toEqual([
      { authorization: TOKEN, variables: { period: '2026-10', first: 2, after: null } },
      { authorization: TOKEN, variables: { period: '2026-10', first: 2, after: '2' } },
      { authorization: TOKEN, variables: { period: '2026-10', first: 2, after: '4' } },
    ]);
  });

  it('writes just the header for a period without invoices', async () => {
    reply = () => ({
      status: 200,
      body: {
        data: { invoices: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
      },
    });
    expect(await (await download('2030-01')).text()).toBe(
      'number,period,issuedAt,userId,userName,baseFee,overageCharge,adjustmentTotal,total\r\n',
    );
  });

  it('needs a bearer token and a YYYY-MM period, asking the gateway nothing without them', async () => {
    const none = await download('2026-10', null);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
    expect((await download('2026-10', 'Basic dXNlcjpwdw==')).status).toBe(401);
    const bad = await download('2026-13');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: { code: 'BAD_USER_INPUT', message: 'period must be YYYY-MM' },
    });
    expect(gateway.asked).toEqual([]);
  });

  it("passes the API's refusals on with their status: 401, 403", async () => {
    const refusal = (code: string, message: string) => ({
      status: 200,
      body: { data: null, errors: [{ message, extensions: { code } }] },
    });
    reply = () => refusal('UNAUTHENTICATED', 'the token has expired');
    const expired = await download();
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({
      error: { code: 'UNAUTHENTICATED', message: 'the token has expired' },
    });
    reply = () => refusal('FORBIDDEN', 'invoices needs bills:read');
    const forbidden = await download();
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    reply = () => ({ status: 401, body: { message: 'no' } });
    expect((await download()).status).toBe(401);
  });

  it('cuts the download off when a later page fails, so it never looks complete', async () => {
    reply = (n) =>
      n === 2
        ? {
            status: 200,
            body: { errors: [{ message: 'down', extensions: { code: 'UNAVAILABLE' } }] },
          }
        : undefined;
    const res = await download();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('says UNAVAILABLE when the gateway does not answer', async () => {
    const nowhere = createServer(
      express().use(invoicesExportRouter({ gatewayUrl: 'http://127.0.0.1:9' })),
    );
    const nowhereUrl = await serve(nowhere);
    try {
      const res = await fetch(`${nowhereUrl}/exports/invoices.csv?period=2026-10`, {
        headers: { authorization: TOKEN },
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ error: { code: 'UNAVAILABLE' } });
    } finally {
      await close(nowhere);
    }
  });

  it('asks only for what the API schema has (supergraph/supergraph.graphql)', () => {
    const sdl = readFileSync(join(__dirname, '../../../../supergraph/supergraph.graphql'), 'utf8');
    expect(validate(buildSchema(sdl), parse(INVOICES_EXPORT_QUERY))).toEqual([]);
  });
});
