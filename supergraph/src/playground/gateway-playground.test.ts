import type { AddressInfo } from 'node:net';
import { createLogger } from '@tally/service-kit';
import { PRODUCTION_SETTINGS } from '../../test/support/production-settings';
import { loadConfig } from '../config';
import { createServer, type Gateway } from '../server';

const HTML = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

/** A gateway's HTTP server as created (not started: no registry is needed for the page). */
async function listening(playground: boolean): Promise<{ url: string; gateway: Gateway }> {
  const settings = {
    ...(await loadConfig({ registry: { url: 'http://127.0.0.1:9', pollSeconds: 1 } })),
    playground,
  };
  const gateway = createServer({ settings, logger: createLogger('gateway', 'silent') });
  await new Promise<void>((r) => gateway.httpServer.listen(0, '127.0.0.1', r));
  const { port } = gateway.httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, gateway };
}

const close = (gateway: Gateway) => new Promise((r) => gateway.httpServer.close(r));

describe('the playground on the gateway', () => {
  let url: string;
  let gateway: Gateway;
  beforeAll(async () => ({ url, gateway } = await listening(true)));
  afterAll(() => close(gateway));

  it('answers a browser GET /graphql with the GraphiQL page and the example operations', async () => {
    const res = await fetch(`${url}/graphql`, { headers: HTML });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('GraphiQL');
    const operations = [
      'mutation SignUp',
      'mutation CreatePlan',
      'mutation SubscribePlan',
      'mutation RecordUsage(',
      'mutation RecordUsages',
      'query UserBill',
      'query UsersPage',
    ];
    for (const op of operations) expect(html).toContain(op);
  });

  it('has a token field, filled from the fragment the console hands over, never the query', async () => {
    const html = await (await fetch(`${url}/graphql`, { headers: HTML })).text();
    expect(html).toMatch(/<label for="token">Bearer token<\/label>/);
    expect(html).toContain('<input id="token" type="password"');
    expect(html).toContain("window.location.hash.slice(1)).get('token')");
    expect(html).toContain("headers.set('authorization', 'Bearer ' + token)");
    expect(html).not.toContain('localStorage.setItem');
  });

  it('loads every script and stylesheet from the gateway itself', async () => {
    const html = await (await fetch(`${url}/graphql`, { headers: HTML })).text();
    const refs = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+)"/g)].map(
      (m) => m[1]!,
    );
    expect(refs).toHaveLength(4);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const ref of refs) {
      const res = await fetch(new URL(ref, url));
      expect({ ref, status: res.status }).toEqual({ ref, status: 200 });
      expect(res.headers.get('content-type')).toMatch(/javascript|css/);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('leaves GraphQL requests and unknown assets alone', async () => {
    // Not started: /graphql is not mounted yet, so a request that falls through is a 404.
    const post = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { ...HTML, 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(post.status).toBe(404);
    const getQuery = await fetch(`${url}/graphql?query=%7B__typename%7D`, { headers: HTML });
    expect(getQuery.status).toBe(404);
    const json = await fetch(`${url}/graphql`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
    const unknown = await fetch(`${url}/playground/assets/constructor`);
    expect(unknown.status).toBe(404);
  });
});

describe('with the playground off', () => {
  it('serves neither the page nor its assets', async () => {
    const { url, gateway } = await listening(false);
    try {
      expect((await fetch(`${url}/graphql`, { headers: HTML })).status).toBe(404);
      expect((await fetch(`${url}/playground/assets/graphiql.min.js`)).status).toBe(404);
    } finally {
      await close(gateway);
    }
  });

  it('is off in the production profile', async () => {
    const saved = {
      NODE_ENV: process.env.NODE_ENV,
      GATEWAY_PLAYGROUND: process.env.GATEWAY_PLAYGROUND,
    };
    process.env.NODE_ENV = 'production';
    delete process.env.GATEWAY_PLAYGROUND;
    try {
      expect((await loadConfig(PRODUCTION_SETTINGS)).playground).toBe(false);
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
