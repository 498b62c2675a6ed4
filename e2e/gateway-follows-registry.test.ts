import { startExtraSubgraph } from './support/extra-subgraph';
import { registryHeaders } from './support/registry-access';
import { createTestStack, gql, type RunningService } from './support/test-stack';

/** Long enough to hold on a loaded machine; tests that need an eviction wait for it. */
const LEASE_SECONDS = 10;
const EVICTION_MS = (LEASE_SECONDS + 30) * 1000;

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
  const res = await fetch(`${registryUrl}/v1/supergraph`, { headers: registryHeaders() });
  return ((await res.json()) as { id: string }).id;
}

interface Listing {
  name: string;
  instances: Array<{ instanceId: string; lastHeartbeat: string }>;
}

async function listing(registryUrl: string): Promise<Listing[]> {
  const res = await fetch(`${registryUrl}/v1/subgraphs`, { headers: registryHeaders() });
  return res.json() as Promise<Listing[]>;
}

async function instancesOf(registryUrl: string, name: string): Promise<string[]> {
  const list = await listing(registryUrl);
  return list.find((s) => s.name === name)?.instances.map((i) => i.instanceId) ?? [];
}

/** Instance ids of the stack's own subgraphs, by subgraph. */
async function stackInstances(registryUrl: string): Promise<Record<string, string[]>> {
  const list = await listing(registryUrl);
  return Object.fromEntries(
    ['user', 'usage', 'settlement'].map((name) => [
      name,
      (list.find((s) => s.name === name)?.instances.map((i) => i.instanceId) ?? []).sort(),
    ]),
  );
}

const randomPhone = () => `010${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('the gateway follows the registry', () => {
  const stack = createTestStack({
    env: {
      REGISTRY_LEASE_SECONDS: String(LEASE_SECONDS),
      REGISTRY_HEARTBEAT_SECONDS: '2',
      REGISTRY_SWEEP_SECONDS: '1',
    },
  });
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
    await eventually(
      'the killed instance evicted',
      async () => {
        const ids = await instancesOf(stack.registryUrl, 'user');
        return ids.length === 1 && !ids.includes(`user-${new URL(second.url).port}`)
          ? true
          : undefined;
      },
      EVICTION_MS,
    );
  });

  it('refuses an SDL that clashes with another subgraph, and the gateway schema stays', async () => {
    const before = await supergraphId(stack.registryUrl);
    const clash = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
      type User @key(fields: "id") { id: ID! name: Int! }`;
    const res = await fetch(`${stack.registryUrl}/v1/subgraphs/intruder/instances/i1`, {
      method: 'PUT',
      headers: registryHeaders({ 'content-type': 'application/json' }),
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

  it('refuses a registry write or read without a token', async () => {
    const res = await fetch(`${stack.registryUrl}/v1/subgraphs/user`, { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect((await fetch(`${stack.registryUrl}/v1/subgraphs`)).status).toBe(401);
  });

  it("serves a subgraph's new field within 10 s, without a restart", async () => {
    // A failing wait must not leave the extra subgraph beating (jest would never exit).
    const v1 = await startExtraSubgraph(stack.registryUrl, 'type Query { ping: String }');
    try {
      await eventually('ping served', async () =>
        (await gql(gateway.url, '{ ping }')).data?.ping === 'pong' ? true : undefined,
      );
    } finally {
      await v1.stop();
    }
    const v2 = await startExtraSubgraph(
      stack.registryUrl,
      'type Query { ping: String pong: String }',
    );
    try {
      const started = Date.now();
      await eventually(
        'pong served',
        async () => ((await gql(gateway.url, '{ pong }')).data?.pong === 'pong' ? true : undefined),
        10_000,
      );
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await v2.stop();
    }
  });

  it('keeps serving through a registry outage longer than a lease; restarted, the registry lists every instance and the gateway never answers UNAVAILABLE', async () => {
    const signUp = await gql<{ signUp: { id: string } }>(
      gateway.url,
      `mutation { signUp(input: { name: "Kim", phone: "${randomPhone()}" }) { id } }`,
    );
    const userId = signUp.data!.signUp.id;
    // One query through all three subgraphs.
    const probe = async (when: string) => {
      const res = await gql(
        gateway.url,
        `{ plans { id } user(id: "${userId}") { name usageSummary(period: "2026-11") { records } bill(period: "2026-11") { total } } }`,
      );
      expect({ when, errors: res.errors }).toEqual({ when, errors: undefined });
    };
    await probe('before the outage');
    const before = {
      supergraph: await supergraphId(stack.registryUrl),
      instances: await stackInstances(stack.registryUrl),
    };
    const port = new URL(stack.registryUrl).port;

    await stack.stop('registry');
    const stoppedAt = Date.now();
    await eventually('the gateway noticing the registry is down', async () =>
      (await fetch(`${gateway.url}/health/ready`)).status === 503 ? true : undefined,
    );
    // Every lease the registry granted lapses during the outage; the gateway serves throughout.
    const allLapsed = stoppedAt + (LEASE_SECONDS + 1) * 1000;
    while (Date.now() < allLapsed) {
      await probe('during the outage');
      await new Promise((r) => setTimeout(r, 500));
    }

    const restartedAt = Date.now();
    const registry = await stack.start('registry', { PORT: port });
    expect(await stackInstances(registry.url)).toEqual(before.instances);
    expect(await supergraphId(registry.url)).toBe(before.supergraph);
    expect(stack.output()).toMatch(/leases lapsed while it was down/);
    // Through the window where the old registry hid every instance: until the gateway has
    // polled the new registry and every instance has heartbeated to it.
    await eventually(
      'every instance heartbeating to the new registry, the gateway ready',
      async () => {
        await probe('after the restart');
        const beats = (await listing(registry.url)).flatMap((s) =>
          s.instances.map((i) => Date.parse(i.lastHeartbeat)),
        );
        const ready = (await fetch(`${gateway.url}/health/ready`)).status === 200;
        return ready && beats.every((t) => t >= restartedAt) ? true : undefined;
      },
      30_000,
    );
    await probe('once settled');
    expect(await stackInstances(registry.url)).toEqual(before.instances);
  });

  it('answers a subgraph with no live instance as UNAVAILABLE, the rest intact', async () => {
    const signUp = await gql<{ signUp: { id: string } }>(
      gateway.url,
      `mutation { signUp(input: { name: "Lee", phone: "${randomPhone()}" }) { id } }`,
    );
    const id = signUp.data!.signUp.id;
    await stack.stop('settlement');
    await eventually('settlement deregistered', async () =>
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
    await stack.start('settlement'); // the stack whole again for any test after this one
  });
});
