import { connectMongo, createLogger } from '@tally/service-kit';
import { client, startRegistry, uniqueDatabase, type Started } from '../test/harness';
import { sdl } from '../test/sdl';
import { makeSupergraphStore } from './store/supergraph-store';
import { registryModels } from './store/models';

const users = { url: 'http://127.0.0.1:4001/graphql', sdl: sdl.users };
const usage = { url: 'http://127.0.0.1:4002/graphql', sdl: sdl.usage };

interface History {
  compositions: Array<{ id: string; subgraphs: string[]; composedAt: string }>;
}

const history = async (base: string, token: string | null, query = '') =>
  fetch(`${base}/v1/supergraph/history${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe('the supergraph history', () => {
  const database = uniqueDatabase();
  let registry: Started;

  beforeAll(async () => {
    registry = await startRegistry(database);
  });
  afterAll(async () => {
    await registry.drop();
    await registry.close();
  });

  it('lists each supergraph served, newest first, with its subgraphs; the same schema again adds none', async () => {
    const api = client(registry.url);
    expect((await api.register('users', 'users-1', users)).status).toBe(200);
    const first = await api.supergraphId();
    expect((await api.register('usage', 'usage-1', usage)).status).toBe(200);
    const second = await api.supergraphId();
    // A second instance of the same schema composes the same supergraph: no new entry.
    expect((await api.register('usage', 'usage-2', usage)).status).toBe(200);

    const res = await history(registry.url, 'tally-dev-registry-gateway');
    expect(res.status).toBe(200);
    const body = (await res.json()) as History;
    expect(body.compositions.map((c) => [c.id, c.subgraphs])).toEqual([
      [second, ['usage', 'users']],
      [first, ['users']],
    ]);
    const [newest, older] = body.compositions.map((c) => Date.parse(c.composedAt));
    expect(newest).toBeGreaterThanOrEqual(older!);

    const one = (await (
      await history(registry.url, 'tally-dev-registry-gateway', '?limit=1')
    ).json()) as History;
    expect(one.compositions.map((c) => c.id)).toEqual([second]);
  });

  it('needs a read token: 401 without one, 400 for a bad limit', async () => {
    expect((await history(registry.url, null)).status).toBe(401);
    expect((await history(registry.url, 'not-a-registry-token-at-all')).status).toBe(401);
    expect((await history(registry.url, 'tally-dev-registry-gateway', '?limit=0')).status).toBe(
      400,
    );
    expect((await history(registry.url, 'tally-dev-registry-gateway', '?limit=x')).status).toBe(
      400,
    );
  });

  it('keeps only the newest compositions in its store', async () => {
    const db = await connectMongo(process.env.MONGO_URL!, database, createLogger('test', 'silent'));
    const models = registryModels(db);
    const store = makeSupergraphStore(models, 3);
    for (let i = 0; i < 5; i++) await store.save({ id: `id-${i}`, sdl: '' }, [`s${i}`]);
    expect((await store.history(10)).map((c) => c.id)).toEqual(['id-4', 'id-3', 'id-2']);
    expect(await models.compositions.countDocuments()).toBe(3);
    await db.close();
  });
});
