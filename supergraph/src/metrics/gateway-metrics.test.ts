import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServiceMetrics, METRIC } from '@tally/service-kit';
import { sampleValue } from '@tally/testkit';
import pino from 'pino';
import { createInstancePool } from '../routing/instance-pool';
import { createRoutingFetcher } from '../routing/routing-fetcher';
import { createGatewayMetrics } from './gateway-metrics';

const QUERY = JSON.stringify({ query: 'query Q__user__0 { plans { id } }' });

async function listening(server: Server): Promise<string> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

describe("the gateway's subgraph fetch figures", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await new Promise<void>((r) => s.close(() => r()));
  });

  it('times answers, counts failures by kind and the moves to another instance', async () => {
    const answering = createHttpServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
    });
    servers.push(answering);
    const upUrl = await listening(answering);
    // A port that refused: listened on once, then closed.
    const gone = createHttpServer();
    const goneUrl = await listening(gone);
    await new Promise<void>((r) => gone.close(() => r()));

    const metrics = createServiceMetrics('gateway');
    const figures = createGatewayMetrics(metrics);
    const pool = createInstancePool();
    // Round-robin starts at the second: the refusing instance is tried first.
    pool.replace(
      new Map([
        [
          'user',
          [
            { instanceId: 'user-up', url: upUrl },
            { instanceId: 'user-gone', url: goneUrl },
          ],
        ],
        ['usage', []],
      ]),
    );
    const fetcher = (subgraph: string) =>
      createRoutingFetcher({
        subgraph,
        pool,
        timeoutMs: 5000,
        logger: pino({ level: 'silent' }),
        observe: figures.fetches,
      });
    const res = await fetcher('user')('http://placeholder', { method: 'POST', body: QUERY });
    expect(res.status).toBe(200);
    await expect(
      fetcher('usage')('http://placeholder', { method: 'POST', body: QUERY }),
    ).rejects.toThrow(/unavailable: no live instance/);
    figures.served('sg-1');
    figures.served('sg-2');

    const text = await metrics.registry.metrics();
    const user = { service: 'gateway', subgraph: 'user' };
    expect(
      sampleValue(text, `${METRIC.subgraphFetchDuration}_count`, {
        ...user,
        instance: 'user-up',
        outcome: 'ok',
      }),
    ).toBe(1);
    expect(
      sampleValue(text, METRIC.subgraphFetchErrors, {
        ...user,
        instance: 'user-gone',
        kind: 'connection',
      }),
    ).toBe(1);
    expect(sampleValue(text, METRIC.subgraphFetchRetries, { ...user, instance: 'user-gone' })).toBe(
      1,
    );
    expect(
      sampleValue(text, METRIC.subgraphFetchErrors, { subgraph: 'usage', kind: 'no_instance' }),
    ).toBe(1);
    expect(sampleValue(text, METRIC.gatewaySupergraph, { supergraph_id: 'sg-2' })).toBe(1);
    expect(sampleValue(text, METRIC.gatewaySupergraph, { supergraph_id: 'sg-1' })).toBeUndefined();
  });
});
