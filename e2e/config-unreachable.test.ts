import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { freePort } from '@tally/infra';
import { runToExit } from './support/run-to-exit';

const ENTRIES = ['subgraphs/user/dist/main.js', 'supergraph/dist/main.js'];
/** Long enough for several attempts (the back-off starts at 250 ms) on a loaded machine. */
const DEADLINE_MS = '3000';

/** The attempts a service reports in its final message ("... after N attempts: ..."). */
const attemptsReported = (output: string) => Number(/after (\d+) attempts/.exec(output)?.[1]);

function expectCleanFailure({ code, output }: { code: number | null; output: string }) {
  expect(code).not.toBe(0);
  expect(code).not.toBeNull();
  expect(output).not.toMatch(/\n\s+at .*\.js:\d+/); // a message, not a stack trace
}

describe('a service whose config service cannot be reached', () => {
  it.each(ENTRIES)('%s retries, then exits non-zero naming the config service', async (entry) => {
    const nobody = await freePort();
    const result = await runToExit(entry, {
      CONFIG_SERVICE_URL: `http://127.0.0.1:${nobody}`,
      CONFIG_SERVICE_DEADLINE_MS: DEADLINE_MS,
      PORT: String(await freePort()),
    });
    expectCleanFailure(result);
    expect(result.output).toMatch(
      new RegExp(`config service unreachable at http://127\\.0\\.0\\.1:${nobody}/v1/config/`),
    );
    // It did retry: each retry is announced, and the final message counts the attempts.
    const attempts = attemptsReported(result.output);
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(result.output.match(/config service not ready \(.*\), retry \d+/g)).toHaveLength(
      attempts - 1,
    );
  });
});

describe('a service whose config service answers 503 (not ready)', () => {
  let server: Server;
  let requests: string[];
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.writeHead(503, { 'content-type': 'text/plain' }).end('starting');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    requests = [];
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it.each(ENTRIES)('%s asks again until its deadline, then exits non-zero', async (entry) => {
    const result = await runToExit(entry, {
      CONFIG_SERVICE_URL: url,
      CONFIG_SERVICE_DEADLINE_MS: DEADLINE_MS,
      PORT: String(await freePort()),
    });
    expectCleanFailure(result);
    expect(result.output).toMatch(/config service unreachable at .*: HTTP 503/);
    expect(requests.length).toBeGreaterThanOrEqual(2); // the config service saw every attempt
    expect(attemptsReported(result.output)).toBe(requests.length);
    expect(new Set(requests).size).toBe(1);
    expect(requests[0]).toMatch(/^\/v1\/config\/(user-subgraph|gateway)\/test$/);
  });
});
