import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { fetchRemoteSettings } from './remote-settings';

const TOKEN = 'demo-config-token-0001';

/** A config service answering its nth request with `answer(n)`: [status, body]. */
async function configService(answer: (n: number) => [number, string]) {
  let requests = 0;
  const authorizations: Array<string | undefined> = [];
  const server = createHttpServer((req, res) => {
    authorizations.push(req.headers.authorization);
    const [status, body] = answer(++requests);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    authorizations,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The message a fetch failed with (a fetch that succeeds fails the test). */
const failureOf = (fetching: Promise<unknown>): Promise<string> =>
  fetching.then(
    () => 'answered',
    (err: Error) => err.message,
  );

const attemptsIn = (message: string) => Number(/after (\d+) attempts/.exec(message)?.[1]);

describe('fetchRemoteSettings', () => {
  it('retries a config service that is not ready until it answers', async () => {
    const service = await configService((n) => (n < 3 ? [503, 'starting'] : [200, '{"a":1}']));
    try {
      const retries: number[] = [];
      const settings = await fetchRemoteSettings({
        baseUrl: service.url,
        service: 'demo',
        profile: 'test',
        token: TOKEN,
        deadlineMs: 60_000,
        onRetry: (n) => retries.push(n),
      });
      expect(settings).toEqual({ a: 1 });
      expect(service.requests()).toBe(3);
      expect(new Set(service.authorizations)).toEqual(new Set([`Bearer ${TOKEN}`]));
      expect(retries).toEqual([1, 2]);
    } finally {
      await service.close();
    }
  });

  it.each([
    [401, 'UNAUTHENTICATED'],
    [403, 'FORBIDDEN'],
  ])('takes %i (%s) as final: a wrong token is not retried', async (status, code) => {
    const body = JSON.stringify({ error: { code, message: 'no' } });
    const service = await configService(() => [status, body]);
    try {
      const message = await failureOf(
        fetchRemoteSettings({
          baseUrl: service.url,
          service: 'demo',
          profile: 'test',
          token: TOKEN,
          deadlineMs: 60_000,
        }),
      );
      expect(message).toMatch(
        new RegExp(`config service refused demo's config token \\(HTTP ${status}\\).*CONFIG_TOKEN`),
      );
      expect(message).not.toContain(TOKEN);
      expect(service.requests()).toBe(1);
    } finally {
      await service.close();
    }
  });

  it('gives up after its deadline, naming every attempt the service saw', async () => {
    const service = await configService(() => [503, 'starting']);
    try {
      const message = await failureOf(
        fetchRemoteSettings({
          baseUrl: service.url,
          service: 'demo',
          profile: 'test',
          token: TOKEN,
          deadlineMs: 1500,
        }),
      );
      expect(message).toMatch(/config service unreachable at .*: HTTP 503/);
      expect(service.requests()).toBeGreaterThanOrEqual(2);
      expect(attemptsIn(message)).toBe(service.requests());
    } finally {
      await service.close();
    }
  });

  it('gives up on an attempt the service accepts and never answers, and tries again', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const message = await failureOf(
        fetchRemoteSettings({
          baseUrl: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
          service: 'demo',
          profile: 'test',
          token: TOKEN,
          deadlineMs: 3000,
          attemptTimeoutMs: 200,
        }),
      );
      expect(message).toMatch(/config service unreachable/);
      expect(attemptsIn(message)).toBeGreaterThanOrEqual(2);
      expect(sockets.length).toBe(attemptsIn(message));
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });
});
