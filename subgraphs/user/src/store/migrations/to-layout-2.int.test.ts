import type { Connection } from 'mongoose';
import { aPlan, aSubscription, aUser } from '../../../test/support/builders';
import { logger, newTopic, openDb, testBus, testOutbox } from '../../../test/support/infra';
import { readTopic } from '../../../test/support/topic-reader';
import { createUserEvents } from '../../events/user-events';
import { KINDS } from '../../use-cases/changes';
import { makeRedo } from '../../use-cases/redo';
import { makeStores } from '..';
import { ensureUserLayout } from '../layout';
import { intendPendingUsersAndPlans } from './pending-intents';
import { moveSubscriptions } from './move-subscriptions';

type RawDoc = { _id: string } & Record<string, unknown>;
const raw = (db: Connection, name: string) => db.collection<RawDoc>(name);

/** A database as the layout-1 code left it: in-document outboxes, one doc per subscription. */
async function writeLayout1(db: Connection, topic: string) {
  const events = createUserEvents({
    users: topic,
    usage: 'unused',
    settlement: 'unused',
    deadLetter: 'unused',
  });
  const [published, pending] = [aUser(), aUser({ email: 'lee@example.com' })];
  const [oldPlan, newPlan] = [aPlan(), aPlan()];
  const subs = {
    published: aSubscription({ userId: published.id, planId: oldPlan.id }),
    pending: aSubscription({ userId: published.id, planId: newPlan.id }),
    oddId: aSubscription({ id: 'odd.id$%', userId: pending.id, planId: oldPlan.id }),
  };
  const userDoc = ({ id, ...u }: typeof published) => ({ _id: id, ...u });
  const planDoc = ({ id, ...p }: typeof oldPlan) => ({ _id: id, ...p });
  const subDoc = ({ id, ...s }: typeof subs.published) => ({ _id: id, ...s });
  const owed = (message: { topic: string; key: string; value: string }) => ({
    outbox: [message],
    outboxPending: true,
  });
  const messages = {
    user: events.userSignedUp(pending),
    plan: events.planCreated(newPlan),
    sub: events.planSubscribed(subs.pending, newPlan),
  };
  await raw(db, 'users').createIndex({ phone: 1 }, { unique: true });
  await raw(db, 'users').createIndex({ outboxPending: 1 });
  await raw(db, 'users').insertMany([
    userDoc(published),
    { ...userDoc(pending), ...owed(messages.user) },
  ]);
  await raw(db, 'plans').insertMany([
    planDoc(oldPlan),
    { ...planDoc(newPlan), ...owed(messages.plan) },
  ]);
  await raw(db, 'subscriptions').insertMany([
    subDoc(subs.published),
    { ...subDoc(subs.pending), ...owed(messages.sub) },
    subDoc(subs.oddId),
  ]);
  const eventIds = Object.values(messages).map((m) => (JSON.parse(m.value) as { id: string }).id);
  return { users: { published, pending }, plans: { oldPlan, newPlan }, subs, eventIds };
}

describe('migrating the user store from layout 1 to 2', () => {
  const bus = testBus();

  const openLayout1 = async (prefix: string) => {
    const opened = await openDb(prefix);
    const topic = await newTopic(bus, prefix);
    return { ...opened, topic, written: await writeLayout1(opened.db, topic) };
  };

  const intents = (db: Connection) =>
    db.collection<{ _id: string; kind: string }>('outbox').find().toArray();

  it('moves subscriptions under their user, turns owed events into intents, drops the old', async () => {
    const { db, close, written } = await openLayout1('user-migrate');
    try {
      const crashed = testOutbox(db, bus); // never started: the migration only intends
      await ensureUserLayout(db, crashed, logger);

      const meta = await raw(db, 'tally_layout').findOne({ _id: 'user-subgraph' });
      expect(meta).toMatchObject({ version: 2 });
      const names = (await db.listCollections()).map((c) => c.name);
      expect(names).not.toContain('subscriptions');

      const stored = await intents(db);
      expect(stored.map((i) => i.kind).sort()).toEqual(
        [KINDS.planCreated, KINDS.planSubscribed, KINDS.userSignedUp].sort(),
      );
      const intentOf = (kind: string) => stored.find((i) => i.kind === kind)?._id;

      const users = await raw(db, 'users').find().toArray();
      for (const u of users) expect(u).not.toHaveProperty('outbox');
      for (const u of users) expect(u).not.toHaveProperty('outboxPending');
      const rawPending = users.find((u) => u._id === written.users.pending.id);
      expect(rawPending?.outboxId).toBe(intentOf(KINDS.userSignedUp));
      const rawPublished = users.find((u) => u._id === written.users.published.id);
      expect(rawPublished).not.toHaveProperty('outboxId');
      const plans = await db
        .collection('plans')
        .find({ outboxId: { $exists: true } })
        .toArray();
      expect(plans.map((p) => [p._id, p.outboxId, p.outboxPending])).toEqual([
        [written.plans.newPlan.id, intentOf(KINDS.planCreated), undefined],
      ]);
      const indexes = (await raw(db, 'users').indexes()).map((i) => Object.keys(i.key));
      expect(indexes).not.toContainEqual(['outboxPending']);

      const stores = makeStores(db);
      await stores.ready();
      const { published, pending } = written.users;
      const subs = await stores.subscriptions.ofUsers([published.id, pending.id]);
      expect(subs.get(published.id)).toEqual(
        expect.arrayContaining([written.subs.published, written.subs.pending]),
      );
      expect(subs.get(pending.id)).toEqual([written.subs.oddId]);
      await expect(
        stores.subscriptions.find(published.id, written.subs.pending.id),
      ).resolves.toMatchObject({ outboxId: intentOf(KINDS.planSubscribed) });
      await expect(
        stores.subscriptions.find(published.id, written.subs.published.id),
      ).resolves.toMatchObject({ outboxId: null });
      await expect(stores.users.byPhone(pending.phone)).resolves.toEqual(pending);
      await expect(stores.plans.all()).resolves.toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('is safe to re-run after a crash anywhere, and every owed event goes out exactly once', async () => {
    const { db, close, topic, written } = await openLayout1('user-migrate-again');
    const reader = await readTopic(bus, topic);
    try {
      const crashed = testOutbox(db, bus);
      // A first run died right after intending the pending subscription's event...
      const s = written.subs.pending;
      await crashed.intend([
        {
          kind: KINDS.planSubscribed,
          change: { subscription: s },
          messages: [{ topic, key: s.userId, value: '{"orphan":true}' }],
        },
      ]);
      // ...a second one after moving everything, before dropping and recording the layout.
      await intendPendingUsersAndPlans(db, crashed, logger);
      await moveSubscriptions(db, crashed, logger);
      const afterSecond = (await intents(db)).length;
      await ensureUserLayout(db, crashed, logger);
      await ensureUserLayout(db, crashed, logger);
      expect(await intents(db)).toHaveLength(afterSecond); // the re-runs intended nothing more
      expect(afterSecond).toBe(4); // the orphan and the three owed

      const stores = makeStores(db);
      await stores.ready();
      const live = testOutbox(db, bus, makeRedo(stores));
      await live.start();
      try {
        await live.flush();
        await expect(live.pending()).resolves.toBe(0);
        // Sent after the sweep: once it is read, whatever the sweep sent has been read too.
        const publisher = bus.publisher();
        await publisher.connect();
        await publisher.publish([{ topic, key: null, value: '{"marker":true}' }]);
        await publisher.disconnect();
        await reader.waitFor('the marker', (e) => e.some((m) => 'marker' in m));
        const got = reader.events.filter((e) => !('marker' in e));
        expect(got.map((e) => (e as { id?: string }).id).sort()).toEqual(
          [...written.eventIds].sort(),
        );
      } finally {
        await live.stop();
      }
    } finally {
      await reader.stop();
      await close();
    }
  });

  it('takes an empty database straight to layout 2, with nothing to migrate', async () => {
    const { db, close } = await openDb('user-migrate-empty');
    try {
      await ensureUserLayout(db, testOutbox(db, bus), logger);
      const meta = await raw(db, 'tally_layout').findOne({ _id: 'user-subgraph' });
      expect(meta).toMatchObject({ version: 2 });
      expect(meta).not.toHaveProperty('migratedAt');
      expect(await intents(db)).toEqual([]);
    } finally {
      await close();
    }
  });
});
