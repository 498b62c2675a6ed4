import {
  client,
  eventually,
  manualClock,
  startRegistry,
  uniqueDatabase,
  type Started,
} from '../test/harness';
import { sdl } from '../test/sdl';

// Leases run on a manual clock: time moves when a test says so, never with the machine's load.
const LEASE = 10;
const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };
const plans = { url: 'http://127.0.0.1:4005/graphql', sdl: sdl.plans };
const instanceIds = async (api: ReturnType<typeof client>) =>
  (await api.subgraphs()).flatMap((s) => s.instances.map((i) => i.instanceId)).sort();

describe('registry leases', () => {
  const opened: Started[] = [];
  const start = async (database: string, clock: ReturnType<typeof manualClock>, sweep = 3600) => {
    const registry = await startRegistry(
      database,
      { leaseSeconds: LEASE, sweepSeconds: sweep },
      { now: clock.now },
    );
    opened.push(registry);
    return registry;
  };
  afterEach(async () => {
    for (const registry of opened.splice(0)) await registry.close();
  });

  it('evicts an instance whose lease passes, keeps its schema, and answers its heartbeat 404', async () => {
    const clock = manualClock();
    // The real sweeper runs (every 0.2 s), on the manual clock.
    const registry = await start(uniqueDatabase(), clock, 0.2);
    const api = client(registry.url);
    expect(await (await api.register('users', 'users-1', users)).json()).toEqual({
      leaseSeconds: LEASE,
    });
    const id = await api.supergraphId();
    expect((await api.heartbeat('users', 'users-1')).status).toBe(200);

    clock.advance(LEASE + 1);
    await eventually(async () => (await api.subgraphs())[0]?.instances.length === 0);
    expect((await api.heartbeat('users', 'users-1')).status).toBe(404);
    expect(await api.subgraphs()).toEqual([{ name: 'users', sdl: sdl.users, instances: [] }]);
    expect(await api.supergraphId()).toBe(id);
    expect((await api.health()).selfPreservation).toBe(false);

    expect((await api.register('users', 'users-1', users)).status).toBe(200);
    expect((await api.heartbeat('users', 'users-1')).status).toBe(200);
  });

  it('answers 404 to a heartbeat from an instance it never saw', async () => {
    const registry = await start(uniqueDatabase(), manualClock());
    const res = await client(registry.url).heartbeat('users', 'stranger-1');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'LEASE_GONE', message: expect.any(String) },
    });
  });

  it('evicts none when most leases lapse at once, says so on /health, and renews them', async () => {
    const clock = manualClock();
    const registry = await start(uniqueDatabase(), clock);
    const api = client(registry.url);
    for (const id of ['users-1', 'users-2']) await api.register('users', id, users);
    await api.register('plans', 'plans-1', plans);
    clock.advance(LEASE / 2);
    expect((await api.heartbeat('plans', 'plans-1')).status).toBe(200);

    clock.advance(LEASE / 2 + 4); // users-1 and users-2 are silent past their lease: 2 of 3
    expect(await registry.server.registry.sweep()).toBe(0);
    expect(await instanceIds(api)).toEqual(['plans-1', 'users-1', 'users-2']);
    expect(await api.health()).toMatchObject({
      status: 'live',
      selfPreservation: true,
      selfPreservationReason: expect.stringContaining('2 of 3 leases lapsed at once'),
    });
    expect(await api.ready()).toBe(200);

    // A heartbeat to a lease kept by self-preservation renews it; then only users-2 is silent.
    expect((await api.heartbeat('users', 'users-1')).status).toBe(200);
    expect(await registry.server.registry.sweep()).toBe(1);
    expect(await instanceIds(api)).toEqual(['plans-1', 'users-1']);
    expect((await api.health()).selfPreservation).toBe(false);
  });
});

describe('a registry restarted over the same database', () => {
  const database = uniqueDatabase();
  const clock = manualClock();
  let first: Started;
  let second: Started | undefined;
  let supergraphId: string;

  beforeAll(async () => {
    first = await startRegistry(database, { leaseSeconds: LEASE, sweepSeconds: 3600 }, clock);
    const api = client(first.url);
    for (const id of ['users-1', 'users-2']) await api.register('users', id, users);
    await api.register('plans', 'plans-1', plans);
    supergraphId = await api.supergraphId();
    await first.close();
    clock.advance(6 * LEASE); // an outage far longer than a lease
    second = await startRegistry(database, { leaseSeconds: LEASE, sweepSeconds: 3600 }, clock);
  });
  afterAll(async () => {
    await second?.drop();
    await second?.close();
  });

  it('serves the same supergraph at once', async () => {
    const api = client(second!.url);
    expect((await api.supergraph(`"${supergraphId}"`)).status).toBe(304);
    expect(await api.supergraphId()).toBe(supergraphId);
    expect((await api.subgraphs()).map((s) => s.name)).toEqual(['plans', 'users']);
  });

  it('keeps every lease that lapsed while it was down for one lease, then lets the silent ones go', async () => {
    const api = client(second!.url);
    expect(await instanceIds(api)).toEqual(['plans-1', 'users-1', 'users-2']);
    expect(await second!.server.registry.sweep()).toBe(0);
    expect(await api.health()).toMatchObject({
      selfPreservation: true,
      selfPreservationReason: expect.stringContaining('3 of 3 leases lapsed while it was down'),
    });
    expect(await api.ready()).toBe(200);
    clock.advance(LEASE / 2);
    expect((await api.heartbeat('users', 'users-1')).status).toBe(200);
    expect((await api.heartbeat('plans', 'plans-1')).status).toBe(200);

    clock.advance(LEASE / 2 + 1); // users-2 never beat again
    expect(await second!.server.registry.sweep()).toBe(1);
    expect(await instanceIds(api)).toEqual(['plans-1', 'users-1']);
    expect((await api.health()).selfPreservation).toBe(false);
  });
});
