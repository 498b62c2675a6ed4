import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createInstancePool } from './instance-pool';
import { createPassiveHealth } from './passive-health';
import { createRoutingFetcher } from './routing-fetcher';

const logger = pino({ level: 'silent' });
const QUERY = JSON.stringify({ query: 'query Q__user__0 { plans { id } }' });
const MUTATION = JSON.stringify({ query: 'mutation M__user__0 { signUp { id } }' });

type Closable = { url: string; close(): Promise<void> };

/** A subgraph instance that answers every request, counting them. */
async function answering(): Promise<Closable & { requests: () => number }> {
  let requests = 0;
  const server = createHttpServer((req, res) => {
    req.resume();
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    requests: () => requests,
    close: () => new Promise<void>((r) => server.closeAllConnections() ?? server.close(() => r())),
  };
}

/**
 * A broken instance at the TCP level: `reset` drops each connection, `hang` reads each
 * request and never answers. `attempts` counts connections dropped or requests read (the
 * HTTP client may open a spare connection that carries nothing).
 */
async function broken(kind: 'reset' | 'hang'): Promise<Closable & { attempts: () => number }> {
  const sockets: Socket[] = [];
  let attempts = 0;
  const server = createTcpServer((socket) => {
    sockets.push(socket);
    if (kind === 'reset') {
      attempts++;
      socket.destroy();
    } else socket.once('data', () => attempts++);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    attempts: () => attempts,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

describe('the routing fetcher', () => {
  let clock = 0;
  const open: Closable[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });

  async function setUp(kind: 'reset' | 'hang', timeoutMs = 10_000) {
    const good = await answering();
    const bad = await broken(kind);
    open.push(good, bad);
    const pool = createInstancePool({
      health: createPassiveHealth({ baseMs: 60_000, now: () => clock }),
    });
    pool.replace(
      new Map([
        [
          'user',
          [
            { instanceId: 'bad', url: bad.url },
            { instanceId: 'good', url: good.url },
          ],
        ],
      ]),
    );
    const fetcher = createRoutingFetcher({ subgraph: 'user', pool, timeoutMs, logger });
    const send = (body: string) => fetcher('http://user.subgraph.tally', { method: 'POST', body });
    return { good, bad, send };
  }

  it('retries a query on another instance, then skips the failing one until its back-off passes', async () => {
    const { good, bad, send } = await setUp('reset');
    for (let i = 0; i < 6; i++) expect((await send(QUERY)).status).toBe(200);
    expect(good.requests()).toBe(6);
    expect(bad.attempts()).toBe(1); // tried once, then marked down

    clock += 60_000;
    for (let i = 0; i < 4; i++) expect((await send(QUERY)).status).toBe(200);
    expect(bad.attempts()).toBe(2); // tried again once its back-off passed
    expect(good.requests()).toBe(10);
  });

  it('never retries a mutation elsewhere', async () => {
    const { good, bad, send } = await setUp('reset');
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      outcomes.push(
        await send(MUTATION).then(
          (res) => String(res.status),
          (err: GraphQLError) => String(err.extensions.code),
        ),
      );
    }
    expect(outcomes.filter((o) => o === 'UNAVAILABLE')).toHaveLength(1);
    expect(outcomes.filter((o) => o === '200')).toHaveLength(3);
    expect(good.requests()).toBe(3); // the failed mutation was not sent on
    expect(bad.attempts()).toBe(1);
  });

  it('gives up on an instance that does not answer in time, answers UNAVAILABLE, and marks it down', async () => {
    const { good, bad, send } = await setUp('hang', 1000);
    const outcomes: string[] = [];
    while (bad.attempts() === 0) {
      outcomes.push(
        await send(QUERY).then(
          (res) => String(res.status),
          (err: GraphQLError) => `${String(err.extensions.code)}: ${err.message}`,
        ),
      );
    }
    expect(outcomes.at(-1)).toBe('UNAVAILABLE: The user service is unavailable: no answer in time');
    for (let i = 0; i < 4; i++) expect((await send(QUERY)).status).toBe(200);
    expect(bad.attempts()).toBe(1);
    expect(good.requests()).toBe(outcomes.length - 1 + 4);
  });

  it('never follows a redirect from a subgraph: the query is not sent on', async () => {
    const elsewhere = await answering();
    const redirecting = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(307, { location: elsewhere.url }).end();
    });
    await new Promise<void>((r) => redirecting.listen(0, '127.0.0.1', r));
    open.push(elsewhere, {
      url: '',
      close: () => new Promise<void>((r) => redirecting.close(() => r())),
    });
    const pool = createInstancePool({
      health: createPassiveHealth({ baseMs: 60_000, now: () => clock }),
    });
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/graphql`;
    pool.replace(new Map([['user', [{ instanceId: 'redirecting', url }]]]));
    const fetcher = createRoutingFetcher({ subgraph: 'user', pool, timeoutMs: 10_000, logger });
    await expect(
      fetcher('http://user.subgraph.tally', { method: 'POST', body: QUERY }),
    ).rejects.toMatchObject({ extensions: { code: 'UNAVAILABLE' } });
    expect(elsewhere.requests()).toBe(0);
  });
});
