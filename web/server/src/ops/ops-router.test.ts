import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSigningKey, mintToken, publicJwks, type SigningKey } from '@tally/auth';
import express from 'express';
import { opsRouter, type OpsReads } from './ops-router';

const AUDIENCE = 'tally-api';

async function serve(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
const close = (server: Server) => new Promise((r) => server.close(r));

/** What the routes read, answered from memory: these tests are about who may read it. */
const replayed: Array<string[] | undefined> = [];
const reads: OpsReads = {
  overview: async () => ({
    at: '2026-12-03T00:00:00.000Z',
    registry: { ok: false, error: 'down for the test' },
    supergraphs: { ok: true, data: [] },
    consumers: { ok: true, data: [] },
    outboxes: { ok: true, data: [] },
  }),
  charts: () => ({
    at: '2026-12-03T00:00:00.000Z',
    intervalSeconds: 5,
    windowSeconds: 900,
    samples: [],
  }),
  deadLetters: {
    list: async () => ({ topic: 'dlq', letters: [], total: 0 }),
    show: async () => undefined,
    replay: async (ids?: readonly string[]) => {
      replayed.push(ids ? [...ids] : undefined);
      return { replayed: [], skipped: [] };
    },
    close: async () => undefined,
  },
};

describe('the /ops endpoints: admin only (ops:read, ops:write)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-ops-'));
  let key: SigningKey;
  let issuer: Server;
  let issuerUrl: string;
  let ops: Server;
  let url: string;

  const token = async (role: string, user?: string) =>
    (await mintToken(key, { issuer: issuerUrl, audience: AUDIENCE, role, user })).token;
  const call = (path: string, authorization?: string, body?: unknown) =>
    fetch(`${url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    key = await loadOrCreateSigningKey(dir);
    // A real JWKS over HTTP, as the local issuer serves it.
    issuer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(publicJwks(key)));
    });
    issuerUrl = await serve(issuer);
    const app = express();
    app.use(
      opsRouter(
        {
          tokenCheck: { issuer: issuerUrl, audience: AUDIENCE, jwksUrl: `${issuerUrl}/jwks` },
          missing: [],
        },
        reads,
      ),
    );
    ops = createServer(app);
    url = await serve(ops);
  });
  afterAll(async () => {
    await Promise.all([close(ops), close(issuer)]);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/ops/overview', '/ops/charts', '/ops/dead-letters'])(
    'answers %s to admin, refuses agent, mediation and subscriber (403) and no token (401)',
    async (path) => {
      const ok = await call(path, `Bearer ${await token('admin')}`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('cache-control')).toBe('no-store');
      for (const [role, user] of [['agent'], ['mediation'], ['subscriber', 'u-1']] as const) {
        const res = await call(path, `Bearer ${await token(role, user)}`);
        expect([role, res.status, await res.json()]).toEqual([
          role,
          403,
          { error: { code: 'FORBIDDEN', message: expect.stringContaining('ops:read') } },
        ]);
      }
      const anonymous = await call(path);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await call(path, 'Bearer not.a.token')).status).toBe(401);
    },
  );

  it('shows a source that is down as down, not as a failed page', async () => {
    const res = await call('/ops/overview', `Bearer ${await token('admin')}`);
    expect(((await res.json()) as { registry: unknown }).registry).toEqual({
      ok: false,
      error: 'down for the test',
    });
  });

  it('replays for admin only (ops:write), and checks the letters named', async () => {
    const admin = `Bearer ${await token('admin')}`;
    expect((await call('/ops/dead-letters/replay', admin, { ids: ['0:5'] })).status).toBe(200);
    expect((await call('/ops/dead-letters/replay', admin, {})).status).toBe(200);
    expect(replayed).toEqual([['0:5'], undefined]);
    expect((await call('/ops/dead-letters/replay', admin, { ids: ['x'] })).status).toBe(400);
    for (const role of ['agent', 'mediation']) {
      const res = await call('/ops/dead-letters/replay', `Bearer ${await token(role)}`, {});
      expect(res.status).toBe(403);
    }
    const sub = await call(
      '/ops/dead-letters/replay',
      `Bearer ${await token('subscriber', 'u-1')}`,
      {},
    );
    expect(sub.status).toBe(403);
    expect((await call('/ops/dead-letters/replay', undefined, {})).status).toBe(401);
    expect(replayed).toHaveLength(2);
  });

  it('answers 404 for a letter not in the topic and 400 for a malformed id', async () => {
    const admin = `Bearer ${await token('admin')}`;
    expect((await call('/ops/dead-letters/0:99', admin)).status).toBe(404);
    expect((await call('/ops/dead-letters/zero', admin)).status).toBe(400);
  });

  it('answers 503 naming the missing settings when production left them out', async () => {
    const app = express();
    app.use(opsRouter({ tokenCheck: null, missing: ['AUTH_AUDIENCE', 'AUTH_JWKS_URL'] }, reads));
    const server = createServer(app);
    const base = await serve(server);
    const res = await fetch(`${base}/ops/overview`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({
      error: {
        code: 'OPS_NOT_CONFIGURED',
        message: expect.stringContaining('AUTH_AUDIENCE, AUTH_JWKS_URL'),
      },
    });
    await close(server);
  });
});
