import {
  ADMIN_TOKEN,
  client,
  startRegistry,
  uniqueDatabase,
  type Started,
} from '../../test/harness';
import { sdl } from '../../test/sdl';

describe('registry answers to bad input', () => {
  let registry: Started;
  let api: ReturnType<typeof client>;
  const put = (path: string, body: string) =>
    fetch(`${registry.url}${path}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body,
    });

  beforeAll(async () => {
    registry = await startRegistry(uniqueDatabase(), { maxSdlBytes: 2048 });
    api = client(registry.url);
  });
  afterAll(async () => {
    await registry.drop();
    await registry.close();
  });

  it.each([
    ['a subgraph name with capitals', 'Users', 'users-1', 'INVALID_NAME'],
    ['a subgraph name that climbs out', '..%2Fetc', 'users-1', 'INVALID_NAME'],
    ['an instance id with a space', 'users', 'users%201', 'INVALID_INSTANCE_ID'],
  ])('answers 400 to %s', async (_what, name, instanceId, code) => {
    const res = await api.register(name, instanceId, {
      url: 'http://127.0.0.1:4001/graphql',
      sdl: sdl.users,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it.each([
    ['a non-http url', { url: 'file:///etc/passwd', sdl: sdl.users }, 'INVALID_URL'],
    ['a missing sdl', { url: 'http://127.0.0.1:4001/graphql' }, 'BAD_REQUEST'],
  ])('answers 400 to %s', async (_what, body, code) => {
    const res = await api.register('users', 'users-1', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('answers 422 URL_NOT_ALLOWED to an instance url off the allow-list', async () => {
    const res = await api.register('users', 'users-1', {
      url: 'http://attacker.example:4001/graphql',
      sdl: sdl.users,
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: { code: 'URL_NOT_ALLOWED', message: expect.stringContaining('attacker.example') },
    });
  });

  it('answers 400 INVALID_JSON to a body that is not JSON', async () => {
    const res = await put('/v1/subgraphs/users/instances/users-1', '{"url": ');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: 'INVALID_JSON', message: expect.any(String) },
    });
  });

  it('answers 413 to an SDL over the limit', async () => {
    const big = `${sdl.users}\n# ${'x'.repeat(4096)}`;
    const res = await api.register('users', 'users-1', {
      url: 'http://127.0.0.1:4001/graphql',
      sdl: big,
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: { code: expect.stringMatching(/TOO_LARGE/), message: expect.any(String) },
    });
  });

  it('answers 422 INVALID_GRAPHQL to an SDL that does not parse', async () => {
    const res = await api.register('users', 'users-1', {
      url: 'http://127.0.0.1:4001/graphql',
      sdl: 'type Query {',
    });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      errors: [{ code: 'INVALID_GRAPHQL', message: expect.stringContaining('[users]') }],
    });
  });

  it('answers 404 with a JSON body to an unknown route', async () => {
    const res = await fetch(`${registry.url}/v1/nothing`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });

  it('is live and ready while MongoDB answers', async () => {
    expect((await fetch(`${registry.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${registry.url}/health/ready`)).status).toBe(200);
  });
});
