import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { verifyInternalToken } from '@tally/auth';
import { DomainError } from '@tally/errors';
import pino from 'pino';
import { createSubgraphClient } from './subgraph-client';

const SECRET = 'user-subgraph-secret-0123456789abcdef';

async function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** The registry: lists `instances` for the user subgraph; `stop()` takes it down. */
async function fakeRegistry(instances: string[]) {
  const state = { instances, asked: 0 };
  const server = createHttpServer((req, res) => {
    state.asked++;
    res.writeHead(200, { 'content-type': 'application/json' });
    const listed = state.instances.map((url, i) => ({ instanceId: `user-${i}`, url }));
    res.end(JSON.stringify([{ name: 'user', instances: listed }]));
  });
  const url = await listen(server);
  const stop = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { url, state, stop };
}

/** A user subgraph instance answering `{ who: name }` to calls signed for it. */
async function instance(name: string) {
  const server = createHttpServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    req.resume();
    req.on('end', () => {
      verifyInternalToken(token, { secret: SECRET, audience: 'user' }).then(
        ({ caller }) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { who: name, caller } }));
        },
        () => {
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ errors: [{ message: 'unsigned' }] }));
        },
      );
    });
  });
  const url = await listen(server);
  const stop = () => {
    server.closeAllConnections();
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { url, stop };
}

/** A port nothing listens on: connections are refused. */
async function refusingUrl(): Promise<string> {
  const server = createTcpServer();
  const url = await listen(server);
  await new Promise<void>((r) => server.close(() => r()));
  return url;
}

/** Accepts connections and never answers a byte. */
async function silentInstance() {
  const sockets: Socket[] = [];
  const server = createTcpServer((s) => void sockets.push(s));
  const url = await listen(server);
  const stop = () => {
    sockets.forEach((s) => s.destroy());
    return new Promise<void>((r) => server.close(() => r()));
  };
  return { url, stop };
}

function recordingLogger() {
  const lines: Array<{ level: number; msg: string; problem?: string }> = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, warnings: () => lines.filter((l) => l.level === 40), lines };
}

async function until(what: string, check: () => Promise<boolean> | boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const clientOf = (registryUrl: string, more: Partial<Parameters<typeof createSubgraphClient>[0]>) =>
  createSubgraphClient({
    registryUrl,
    registryToken: 'registry-token',
    subgraph: 'user',
    signedAs: { caller: 'usage', secret: SECRET, scopes: ['users:read'] },
    ...more,
  });
const ask = (client: ReturnType<typeof createSubgraphClient>) =>
  client<{ who: string; caller: string }>('{ who }', {}).then((d) => d.who);

describe('the subgraph client', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((stop) => stop()));
  });
  const started = <T extends { stop: () => Promise<void> }>(thing: T): T => {
    cleanup.push(thing.stop);
    return thing;
  };

  it('answers from the last known instances while the registry is down, logging the outage once', async () => {
    const a = started(await instance('a'));
    const registry = await fakeRegistry([a.url]);
    const log = recordingLogger();
    const client = clientOf(registry.url, { refreshMs: 0, logger: log.logger });
    expect(await ask(client)).toBe('a');

    await registry.stop();
    await until('the outage is noticed', async () => {
      expect(await ask(client)).toBe('a');
      return log.warnings().length > 0;
    });
    for (let i = 0; i < 5; i++) expect(await ask(client)).toBe('a');
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]!.problem).toMatch(/^registry unreachable: /);
  });

  it('keeps the last known instances while the registry lists none, and takes a new listing', async () => {
    const [a, b] = [started(await instance('a')), started(await instance('b'))];
    const registry = started(await fakeRegistry([a.url]));
    const log = recordingLogger();
    const client = clientOf(registry.url, { refreshMs: 0, logger: log.logger });
    expect(await ask(client)).toBe('a');

    registry.state.instances = []; // as right after a registry restart
    await until('the empty listing is noticed', async () => {
      expect(await ask(client)).toBe('a');
      return log.warnings().length > 0;
    });
    expect(log.warnings()[0]!.problem).toBe('the registry lists no live instance');

    registry.state.instances = [b.url];
    await until('the new listing is taken', async () => (await ask(client)) === 'b');
    expect(log.lines.at(-1)!.msg).toBe('registry lists instances again');
  });

  it('asks the registry at most every refreshMs', async () => {
    const a = started(await instance('a'));
    const registry = started(await fakeRegistry([a.url]));
    const client = clientOf(registry.url, { refreshMs: 60_000 });
    for (let i = 0; i < 10; i++) expect(await ask(client)).toBe('a');
    expect(registry.state.asked).toBe(1);
  });

  it('skips an instance that refuses connections: the other answers every call, signed as before', async () => {
    const b = started(await instance('b'));
    const registry = started(await fakeRegistry([await refusingUrl(), b.url]));
    const client = clientOf(registry.url, {});
    for (let i = 0; i < 6; i++) {
      const data = await client<{ who: string; caller: string }>('{ who }', {});
      expect(data).toEqual({ who: 'b', caller: 'usage' });
    }
  });

  it('gives up on an instance that never answers and asks the other', async () => {
    const [silent, b] = [started(await silentInstance()), started(await instance('b'))];
    const registry = started(await fakeRegistry([silent.url, b.url]));
    const client = clientOf(registry.url, { timeoutMs: 300 });
    for (let i = 0; i < 4; i++) expect(await ask(client)).toBe('b');
  });

  it('when every known instance fails, asks the registry again for their replacements', async () => {
    const [a, b] = [await instance('a'), started(await instance('b'))];
    const registry = started(await fakeRegistry([a.url]));
    const client = clientOf(registry.url, { refreshMs: 60_000 });
    expect(await ask(client)).toBe('a');

    await a.stop();
    registry.state.instances = [b.url]; // a restarted instance, on a new port
    expect(await ask(client)).toBe('b');
  });

  it('answers UNAVAILABLE naming the reason when no instance is left', async () => {
    const dead = [await refusingUrl(), await refusingUrl()];
    const registry = started(await fakeRegistry(dead));
    const client = clientOf(registry.url, {});
    const failure = ask(client);
    await expect(failure).rejects.toBeInstanceOf(DomainError);
    await expect(failure).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(failure).rejects.toThrow(/no instance answered .*ECONNREFUSED.*ECONNREFUSED/);
    for (const url of dead) await expect(failure).rejects.toThrow(url);
  });

  it('answers UNAVAILABLE naming the registry when it knows no instance and the registry is down', async () => {
    const client = clientOf(await refusingUrl(), {});
    await expect(ask(client)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/user service is unavailable: registry unreachable/),
    });
  });
});
