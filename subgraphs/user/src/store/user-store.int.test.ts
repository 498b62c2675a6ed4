import { aUser } from '../../test/support/builders';
import { openDb } from '../../test/support/infra';
import { makeStores, type Stores } from '.';

describe('the user store', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let stores: Stores;
  beforeAll(async () => {
    opened = await openDb('user-store');
    stores = makeStores(opened.db);
    await stores.ready();
  });
  afterAll(() => opened.close());

  it('stores a user with its intent id and finds it by id and by phone', async () => {
    const user = aUser({ email: 'kim@example.com' });
    await expect(stores.users.insert(user, 'intent-1')).resolves.toBe(true);
    await expect(stores.users.byIds([user.id, 'nobody'])).resolves.toEqual([user]);
    await expect(stores.users.byPhone(user.phone)).resolves.toEqual(user);
    await expect(stores.users.outboxIdOf(user.id)).resolves.toBe('intent-1');
    const raw = await opened.db.collection('users').findOne({ phone: user.phone });
    expect(raw).toEqual({
      _id: user.id,
      name: 'Kim',
      phone: user.phone,
      email: 'kim@example.com',
      createdAt: user.createdAt,
      outboxId: 'intent-1',
    });
  });

  it('refuses a second user with the same phone, keeping the first', async () => {
    const first = aUser();
    await stores.users.insert(first, 'intent-a');
    const second = aUser({ phone: first.phone, name: 'Lee' });
    await expect(stores.users.insert(second, 'intent-b')).resolves.toBe(false);
    await expect(stores.users.byPhone(first.phone)).resolves.toEqual(first);
    await expect(stores.users.byIds([second.id])).resolves.toEqual([]);
    await expect(stores.users.outboxIdOf(second.id)).resolves.toBeNull();
  });

  it('refuses the same user again (a redo) without changing it', async () => {
    const user = aUser();
    await stores.users.insert(user, 'intent-x');
    await expect(stores.users.insert({ ...user, name: 'Changed' }, 'intent-y')).resolves.toBe(
      false,
    );
    await expect(stores.users.byIds([user.id])).resolves.toEqual([user]);
    await expect(stores.users.outboxIdOf(user.id)).resolves.toBe('intent-x');
  });

  it('answers null for a phone nobody has', async () => {
    await expect(stores.users.byPhone('+821099999999')).resolves.toBeNull();
  });

  it('pages users oldest first by (createdAt, id), with a cursor', async () => {
    const { db, close } = await openDb('user-page');
    try {
      const own = makeStores(db);
      await own.ready();
      const at = (ms: number) => new Date(Date.UTC(2026, 10, 1) + ms);
      const users = [aUser({ createdAt: at(2) }), aUser({ createdAt: at(0) })];
      const tie = [aUser({ createdAt: at(1) }), aUser({ createdAt: at(1) })];
      for (const u of [...users, ...tie]) await own.users.insert(u, 'i');
      const expected = [users[1], ...tie.sort((a, b) => (a.id < b.id ? -1 : 1)), users[0]];
      const first = await own.users.page(3);
      expect(first.edges.map((e) => e.node)).toEqual(expected.slice(0, 3));
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = await own.users.page(3, first.pageInfo.endCursor);
      expect(rest.edges.map((e) => e.node)).toEqual(expected.slice(3));
      expect(rest.pageInfo).toEqual({ hasNextPage: false, endCursor: rest.edges[0]?.cursor });
    } finally {
      await close();
    }
  });
});
