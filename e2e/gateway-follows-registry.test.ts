import { startExtraSubgraph } from './support/extra-subgraph';
import { createTestStack, gql, type RunningService } from './support/test-stack';

const TOKEN = 'tally-dev-registry-token';

async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function requestsServed(service: RunningService): Promise<number> {
  const res = await fetch(`${service.url}/health/live`);
  return ((await res.json()) as { graphqlRequests: number }).graphqlRequests;
}

async function supergraphId(registryUrl: string): Promise<string> {
  const res = await fetch(`${registryUrl}/v1/supergraph`);
  return ((await res.json()) as { id: string }).id;
}

async function instancesOf(registryUrl: string, name: string): Promise<string[]> {
  const res = await fetch(`${registryUrl}/v1/subgraphs`);
  const list = (await res.json()) as Array<{
    name: string;
    instances: Array<{ instanceId: string }>;
  }>;
  return list.find((s) => s.name === name)?.instances.map((i) => i.instanceId) ?? [];
}

describe('the gateway follows the registry', () => {
  const stack = createTestStack();
  let gateway: RunningService;

  beforeAll(async () => {
    ({ gateway } = await stack.startAll());
  });
  afterAll(() => stack.stopAll());

  it('spreads queries over two instances and survives one being SIGKILLed', async () => {
    const second = await stack.start('user');
    await eventually('two user instances', async () =>
      (await instancesOf(stack.registryUrl, 'user')).length === 2 ? true : undefined,
    );
    const first = stack.instances('user')[0]!;
    const before = await Promise.all([first, second].map(requestsServed));
    // The gateway learns of the second instance on its next registry poll; from then on both serve.
    await eventually('both instances serving', async () => {
      expect((await gql(gateway.url, '{ plans { id } }')).errors).toBeUndefined();
      const after = await Promise.all([first, second].map(requestsServed));
      return after[0]! > before[0]! && after[1]! > before[1]! ? true : undefined;
    });

    second.proc.child.kill('SIGKILL');
    for (let i = 0; i < 10; i++) {
      const res = await gql(gateway.url, '{ plans { id } }');
      expect(res.errors).toBeUndefined();
    }
    await eventually('the killed instance evicted', async () => {
      const ids = await instancesOf(stack.registryUrl, 'user');
      return ids.length === 1 && !ids.includes(`user-${new URL(second.url).port}`)
        ? true
        : undefined;
    });
  });

  it('refuses an SDL that clashes with another subgraph, and the gateway schema stays', async () => {
    const before = await supergraphId(stack.registryUrl);
    const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type User @key(fields: "id") { id: ID! name: Int! }`;
    const res = await fetch(`${stack.registryUrl}/v1/subgraphs/intruder/instances/i1`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://127.0.0.1:1/graphql', sdl: clash }),
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    expect(await supergraphId(stack.registryUrl)).toBe(before);
    const probe = await gql(
      gateway.url,
      '{ __type(name: "User") { fields { name type { name kind } } } }',
    );
    expect(JSON.stringify(probe.data)).toContain(
      '"name":"name","type":{"name":null,"kind":"NON_NULL"}',
    );
  });

  it('refuses a registry write without the token', async () => {
    const res = await fetch(`${stack.registryUrl}/v1/subgraphs/user`, { method: 'DELETE' });
    expect(res.status).toBe(401);
  });

  it("serves a subgraph's new field within 10 s, without a restart", async () => {
    const v1 = await startExtraSubgraph(stack.registryUrl, 'type Query { ping: String }');
    await eventually('ping served', async () =>
      (await gql(gateway.url, '{ ping }')).data?.ping === 'pong' ? true : undefined,
    );
    await v1.stop();
    const v2 = await startExtraSubgraph(
      stack.registryUrl,
      'type Query { ping: String pong: String }',
    );
    const started = Date.now();
    await eventually(
      'pong served',
      async () => ((await gql(gateway.url, '{ pong }')).data?.pong === 'pong' ? true : undefined),
      10_000,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    await v2.stop();
  });

  it('keeps serving while the registry is down; after its restart both serve the same supergraph at once', async () => {
    const before = await supergraphId(stack.registryUrl);
    const port = new URL(stack.registryUrl).port;
    await stack.stop('registry');
    await new Promise((r) => setTimeout(r, 1500)); // a few of the gateway's polls fail meanwhile
    expect((await gql(gateway.url, '{ plans { id } }')).errors).toBeUndefined();
    const registry = await stack.start('registry', { PORT: port });
    const res = await fetch(`${registry.url}/v1/supergraph`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id: string }).id).toBe(before);
    expect((await gql(gateway.url, '{ plans { id } }')).errors).toBeUndefined();
  });

  it('answers a subgraph with no live instance as UNAVAILABLE, the rest intact', async () => {
    const signUp = await gql<{ signUp: { id: string } }>(
      gateway.url,
      'mutation { signUp(input: { name: "Lee", phone: "010-5555-0002" }) { id } }',
    );
    const id = signUp.data!.signUp.id;
    await stack.stop('settlement');
    await eventually('settlement evicted', async () =>
      (await instancesOf(stack.registryUrl, 'settlement')).length === 0 ? true : undefined,
    );
    const res = await eventually('an UNAVAILABLE bill', async () => {
      const r = await gql<{
        plans: unknown[];
        user: { name: string; usageSummary: { records: number } } | null;
      }>(
        gateway.url,
        `{ plans { id } user(id: "${id}") { name usageSummary(period: "2026-11") { records } } b: user(id: "${id}") { bill(period: "2026-11") { total } } }`,
      );
      return r.errors?.some((e) => e.extensions?.code === 'UNAVAILABLE') ? r : undefined;
    });
    expect(res.data?.plans).toEqual(expect.any(Array));
    expect(res.data?.user).toEqual({ name: 'Lee', usageSummary: { records: 0 } });
    expect(JSON.stringify(res.errors)).not.toMatch(/ECONNREFUSED|stacktrace|\bat /);
  });
});
