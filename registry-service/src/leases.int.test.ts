import { client, eventually, startRegistry, uniqueDatabase } from '../test/harness';
import { sdl } from '../test/sdl';

const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };

describe('registry leases and restarts', () => {
  const database = uniqueDatabase();

  it('evicts an instance whose lease passes, keeps its schema, and answers its heartbeat 404', async () => {
    const registry = await startRegistry(database, { leaseSeconds: 1, sweepSeconds: 0.2 });
    try {
      const api = client(registry.url);
      expect(await (await api.register('users', 'users-1', users)).json()).toEqual({
        leaseSeconds: 1,
      });
      const id = await api.supergraphId();
      expect((await api.heartbeat('users', 'users-1')).status).toBe(200);

      await eventually(async () => (await api.subgraphs())[0]?.instances.length === 0);
      expect((await api.heartbeat('users', 'users-1')).status).toBe(404);
      expect(await api.subgraphs()).toEqual([{ name: 'users', sdl: sdl.users, instances: [] }]);
      expect(await api.supergraphId()).toBe(id);

      expect((await api.register('users', 'users-1', users)).status).toBe(200);
      expect((await api.heartbeat('users', 'users-1')).status).toBe(200);
    } finally {
      await registry.close();
    }
  });

  it('answers 404 to a heartbeat from an instance it never saw', async () => {
    const registry = await startRegistry(database);
    try {
      const res = await client(registry.url).heartbeat('users', 'stranger-1');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({
        error: { code: 'LEASE_GONE', message: expect.any(String) },
      });
    } finally {
      await registry.close();
    }
  });

  it('serves the same supergraph at once after a restart over the same database', async () => {
    const first = await startRegistry(database);
    await client(first.url).register('plans', 'plans-1', {
      url: 'http://127.0.0.1:4005/graphql',
      sdl: sdl.plans,
    });
    const before = await client(first.url).supergraph();
    const { id } = (await before.json()) as { id: string };
    await first.close();

    const second = await startRegistry(database);
    try {
      const api = client(second.url);
      const res = await api.supergraph(`"${id}"`);
      expect(res.status).toBe(304);
      expect(await api.supergraphId()).toBe(id);
      expect((await api.subgraphs()).map((s) => s.name)).toEqual(['plans', 'users']);
      await second.drop();
    } finally {
      await second.close();
    }
  });
});
