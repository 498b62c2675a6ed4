import { client, startRegistry, uniqueDatabase, type Started } from '../test/harness';
import { sdl } from '../test/sdl';

const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };
const usage = { url: 'http://127.0.0.1:4002/graphql', sdl: sdl.usage };

describe('registry composition over HTTP', () => {
  let registry: Started;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    registry = await startRegistry(uniqueDatabase());
    api = client(registry.url);
  });
  afterAll(async () => {
    await registry.drop();
    await registry.close();
  });

  it('answers 404 NO_SUPERGRAPH before anything is registered', async () => {
    const res = await api.supergraph();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: 'NO_SUPERGRAPH', message: expect.any(String) },
    });
  });

  it('composes two subgraphs and serves the supergraph with its ETag, 304 when unchanged', async () => {
    expect(await (await api.register('users', 'users-1', users)).json()).toEqual({
      leaseSeconds: 30,
    });
    expect((await api.register('usage', 'usage-1', usage)).status).toBe(200);

    const res = await api.supergraph();
    const body = (await res.json()) as { id: string; sdl: string };
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${body.id}"`);
    expect(body.sdl).toContain('minutes: Int!');
    expect(body.sdl).toContain('http://users.subgraph.tally');

    const again = await api.supergraph(`"${body.id}"`);
    expect(again.status).toBe(304);
    expect((await api.supergraph('"something-else"')).status).toBe(200);
  });

  it('refuses an SDL that clashes with the others with 422 and its errors, changing nothing', async () => {
    const before = await api.supergraphId();
    const res = await api.register('clash', 'clash-1', {
      url: 'http://127.0.0.1:4009/graphql',
      sdl: sdl.clash,
    });
    expect(res.status).toBe(422);
    const { errors } = (await res.json()) as { errors: { code: string; message: string }[] };
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toEqual({
      code: expect.any(String),
      message: expect.stringContaining('User.name'),
    });

    expect(await api.supergraphId()).toBe(before);
    expect((await api.subgraphs()).map((s) => s.name)).toEqual(['usage', 'users']);
  });

  it('keeps the supergraph when a second instance brings the same SDL', async () => {
    const before = await api.supergraphId();
    expect(
      (await api.register('users', 'users-2', { ...users, url: 'http://127.0.0.1:5001/graphql' }))
        .status,
    ).toBe(200);
    expect(await api.supergraphId()).toBe(before);
    const listed = (await api.subgraphs()).find((s) => s.name === 'users');
    expect(listed?.instances.map((i) => [i.instanceId, i.url])).toEqual([
      ['users-1', 'http://127.0.0.1:4001/graphql'],
      ['users-2', 'http://127.0.0.1:5001/graphql'],
    ]);
    expect(Date.parse(listed!.instances[0]!.lastHeartbeat)).not.toBeNaN();
  });

  it('replaces a subgraph SDL that composes, and keeps the old one when it does not', async () => {
    const before = await api.supergraphId();
    expect(
      (await api.register('users', 'users-1', { ...users, sdl: sdl.usersWithEmail })).status,
    ).toBe(200);
    const after = await api.supergraphId();
    expect(after).not.toBe(before);

    const broken = { ...users, sdl: sdl.usersWithEmail.replace('email: String', 'email: Nope') };
    expect((await api.register('users', 'users-1', broken)).status).toBe(422);
    expect(await api.supergraphId()).toBe(after);
    expect((await api.subgraphs()).find((s) => s.name === 'users')?.sdl).toBe(sdl.usersWithEmail);
  });

  it('refuses writes without the token with 401', async () => {
    for (const anonymous of [client(registry.url, null), client(registry.url, 'not-the-token')]) {
      const res = await anonymous.register('plans', 'plans-1', {
        url: 'http://127.0.0.1:4005/graphql',
        sdl: sdl.plans,
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: expect.any(String) },
      });
      expect((await anonymous.heartbeat('users', 'users-1')).status).toBe(401);
      expect((await anonymous.deregister('users', 'users-1')).status).toBe(401);
      expect((await anonymous.removeSubgraph('users')).status).toBe(401);
    }
    expect((await api.subgraphs()).map((s) => s.name)).toEqual(['usage', 'users']);
  });

  it('refuses to remove a subgraph the rest cannot do without (422), removes one it can (204)', async () => {
    const res = await api.removeSubgraph('users');
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      errors: [expect.objectContaining({ code: expect.any(String) })],
    });

    expect(
      (
        await api.register('plans', 'plans-1', {
          url: 'http://127.0.0.1:4005/graphql',
          sdl: sdl.plans,
        })
      ).status,
    ).toBe(200);
    const withPlans = await api.supergraphId();
    expect((await api.removeSubgraph('plans')).status).toBe(204);
    expect(await api.supergraphId()).not.toBe(withPlans);
    expect((await api.subgraphs()).map((s) => s.name)).toEqual(['usage', 'users']);
    expect((await api.removeSubgraph('plans')).status).toBe(404);
  });

  it('deregisters an instance with 204', async () => {
    expect((await api.deregister('users', 'users-2')).status).toBe(204);
    const listed = (await api.subgraphs()).find((s) => s.name === 'users');
    expect(listed?.instances.map((i) => i.instanceId)).toEqual(['users-1']);
  });
});
