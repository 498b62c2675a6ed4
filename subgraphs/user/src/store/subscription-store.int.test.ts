import { randomUUID } from 'node:crypto';
import { aSubscription } from '../../test/support/builders';
import { openDb } from '../../test/support/infra';
import { makeStores, type Stores } from '.';
import type { UserSubscriptionsDoc } from './user-subscriptions-model';

describe('the subscription store', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let stores: Stores;
  beforeAll(async () => {
    opened = await openDb('subscription-store');
    stores = makeStores(opened.db);
    await stores.ready();
  });
  afterAll(() => opened.close());

  it("keeps a user's subscriptions in one document keyed by escaped id", async () => {
    const userId = randomUUID();
    const odd = aSubscription({ userId, id: 'a.b$c%2E' });
    const plain = aSubscription({ userId, planId: 'PREMIUM-60' });
    await stores.subscriptions.put(odd, 'intent-1');
    await stores.subscriptions.put(plain, 'intent-2');
    const raw = await opened.db
      .collection<UserSubscriptionsDoc>('user_subscriptions')
      .findOne({ _id: userId });
    expect(Object.keys(raw?.items ?? {}).sort()).toEqual(['a%2Eb%24c%252E', plain.id].sort());
    expect(raw?.items['a%2Eb%24c%252E']).toEqual({
      planId: odd.planId,
      effectiveAt: odd.effectiveAt,
      createdAt: odd.createdAt,
      outboxId: 'intent-1',
    });
    const found = await stores.subscriptions.ofUsers([userId]);
    expect(found.get(userId)).toEqual(expect.arrayContaining([odd, plain]));
    expect(found.get(userId)).toHaveLength(2);
  });

  it('finds one subscription with the intent it was written under', async () => {
    const sub = aSubscription();
    await stores.subscriptions.put(sub, 'intent-9');
    await expect(stores.subscriptions.find(sub.userId, sub.id)).resolves.toEqual({
      subscription: sub,
      outboxId: 'intent-9',
    });
    await expect(stores.subscriptions.find(sub.userId, 'other')).resolves.toBeNull();
    await expect(stores.subscriptions.find('nobody', sub.id)).resolves.toBeNull();
  });

  it('writes the same subscription again without a second item', async () => {
    const sub = aSubscription();
    await stores.subscriptions.put(sub, 'intent-1');
    await stores.subscriptions.put(sub, 'intent-1');
    expect((await stores.subscriptions.ofUsers([sub.userId])).get(sub.userId)).toEqual([sub]);
  });

  it('reads a batch of users at once, leaving out users with none', async () => {
    const a = aSubscription();
    const b = aSubscription();
    await stores.subscriptions.put(a, 'i');
    await stores.subscriptions.put(b, 'i');
    const found = await stores.subscriptions.ofUsers([a.userId, b.userId, 'nobody']);
    expect(found).toEqual(
      new Map([
        [a.userId, [a]],
        [b.userId, [b]],
      ]),
    );
  });
});
