import { client, startRegistry, uniqueDatabase, type Started } from '../../test/harness';
import { sdl } from '../../test/sdl';

const TOKENS = {
  usersWriter: 'users-writer-token-0001',
  usageWriteOnly: 'usage-write-only-token-01',
  reader: 'reader-token-00000000001',
};
const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };
const usage = { url: 'http://127.0.0.1:4002/graphql', sdl: sdl.usage };

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string } }).error;

describe('who may call the registry', () => {
  let registry: Started;
  let as: {
    admin: ReturnType<typeof client>;
    usersWriter: ReturnType<typeof client>;
    usageWriteOnly: ReturnType<typeof client>;
    reader: ReturnType<typeof client>;
  };

  beforeAll(async () => {
    registry = await startRegistry(uniqueDatabase(), {
      clients: {
        'users-writer': { token: TOKENS.usersWriter, read: true, subgraphs: ['users'] },
        'usage-writer': { token: TOKENS.usageWriteOnly, subgraphs: ['usage'] },
        reader: { token: TOKENS.reader, read: true },
      },
    });
    as = {
      admin: client(registry.url),
      usersWriter: client(registry.url, TOKENS.usersWriter),
      usageWriteOnly: client(registry.url, TOKENS.usageWriteOnly),
      reader: client(registry.url, TOKENS.reader),
    };
  });
  afterAll(async () => {
    await registry.drop();
    await registry.close();
  });

  it.each([
    ['no token', null],
    ['an unknown token', 'not-a-registry-token-at-all'],
  ])('answers 401 on every endpoint to %s', async (_what, token) => {
    const anonymous = client(registry.url, token);
    const answers = [
      await anonymous.list(),
      await anonymous.supergraph(),
      await anonymous.register('users', 'users-1', users),
      await anonymous.heartbeat('users', 'users-1'),
      await anonymous.deregister('users', 'users-1'),
      await anonymous.removeSubgraph('users'),
    ];
    for (const res of answers) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await errorOf(res)).toEqual({
        code: 'UNAUTHENTICATED',
        message: expect.any(String),
      });
    }
  });

  it('keeps health open', async () => {
    for (const path of ['/health', '/health/live', '/health/ready'])
      expect((await fetch(`${registry.url}${path}`)).status).toBe(200);
  });

  it("lets a write token change its own subgraph and answers 403 for another's", async () => {
    expect((await as.usersWriter.register('users', 'users-1', users)).status).toBe(200);
    expect((await as.usersWriter.heartbeat('users', 'users-1')).status).toBe(200);
    expect((await as.usageWriteOnly.register('usage', 'usage-1', usage)).status).toBe(200);

    const across = [
      await as.usersWriter.register('usage', 'usage-2', usage),
      await as.usersWriter.heartbeat('usage', 'usage-1'),
      await as.usersWriter.deregister('usage', 'usage-1'),
      await as.usersWriter.removeSubgraph('usage'),
      await as.usageWriteOnly.register('users', 'users-2', users),
    ];
    for (const res of across) {
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toEqual({ code: 'FORBIDDEN', message: expect.any(String) });
    }
    const listed = await as.admin.subgraphs();
    expect(listed.map((s) => [s.name, s.instances.map((i) => i.instanceId)])).toEqual([
      ['usage', ['usage-1']],
      ['users', ['users-1']],
    ]);
  });

  it('lets a token with read list and fetch the supergraph, and no other token', async () => {
    for (const reading of [as.reader, as.usersWriter, as.admin]) {
      expect((await reading.list()).status).toBe(200);
      expect((await reading.supergraph()).status).toBe(200);
    }
    for (const res of [await as.usageWriteOnly.list(), await as.usageWriteOnly.supergraph()]) {
      expect(res.status).toBe(403);
      expect(await errorOf(res)).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('answers 403 to every write with a read token', async () => {
    const writes = [
      await as.reader.register('plans', 'plans-1', {
        url: 'http://127.0.0.1:4005/graphql',
        sdl: sdl.plans,
      }),
      await as.reader.heartbeat('users', 'users-1'),
      await as.reader.deregister('users', 'users-1'),
      await as.reader.removeSubgraph('users'),
    ];
    for (const res of writes) expect(res.status).toBe(403);
    expect((await as.admin.subgraphs()).map((s) => s.name)).toEqual(['usage', 'users']);
  });

  it('lets the admin token do everything', async () => {
    const plans = { url: 'http://127.0.0.1:4005/graphql', sdl: sdl.plans };
    expect((await as.admin.register('plans', 'plans-1', plans)).status).toBe(200);
    expect((await as.admin.heartbeat('usage', 'usage-1')).status).toBe(200);
    expect((await as.admin.deregister('usage', 'usage-1')).status).toBe(204);
    expect((await as.admin.removeSubgraph('plans')).status).toBe(204);
    expect((await as.admin.list()).status).toBe(200);
    expect((await as.admin.supergraph()).status).toBe(200);
  });
});
