import { aPlan, aSubscription, aUser, nextPhone } from '../../test/support/builders';
import { testOutbox } from '../../test/support/infra';
import { startUserDeps, type StartedUserDeps } from '../../test/support/subgraph';
import type { Plan, Subscription, User } from '../domain/types';
import { KINDS } from './changes';
import { makeRedo } from './redo';
import { makeSignUp } from './sign-up';

/*
 * A process "crashes" after writing an intent (and maybe the state) without confirming; a
 * live outbox's sweep then finishes what it left, through the redo handlers.
 */
describe('the outbox redo of the user use cases', () => {
  let env: StartedUserDeps;
  let crashed: ReturnType<typeof testOutbox>;
  beforeAll(async () => {
    env = await startUserDeps('user-redo');
    crashed = testOutbox(env.db, env.bus); // never started: it only writes intents
  });
  afterAll(() => env.close());

  const intendUser = async (user: User) =>
    (
      await crashed.intend([
        {
          kind: KINDS.userSignedUp,
          change: { user },
          messages: [env.deps.events.userSignedUp(user)],
        },
      ])
    )[0]!;
  const intendPlan = async (plan: Plan) =>
    (
      await crashed.intend([
        {
          kind: KINDS.planCreated,
          change: { plan },
          messages: [env.deps.events.planCreated(plan)],
        },
      ])
    )[0]!;
  const intendSubscription = async (subscription: Subscription, plan: Plan) =>
    (
      await crashed.intend([
        {
          kind: KINDS.planSubscribed,
          change: { subscription },
          messages: [env.deps.events.planSubscribed(subscription, plan)],
        },
      ])
    )[0]!;

  const eventsAbout = (subject: string, type: string) =>
    env.topicReader.events.filter((e) => e.subject === subject && e.type === type);
  /** Sweeps, then waits for a marker sent after it: whatever the sweep published is read. */
  const sweep = async () => {
    await env.outbox.flush();
    const marker = await makeSignUp(env.deps)({ name: 'Marker', phone: nextPhone() });
    await env.topicReader.waitFor(
      'the marker',
      () => eventsAbout(marker.id, 'UserSignedUp').length === 1,
    );
    await env.outbox.flush();
    await expect(env.outbox.pending()).resolves.toBe(0);
  };

  describe('signUp', () => {
    it('crash after the intent: the sweep stores the user under it and publishes once', async () => {
      const user = aUser();
      const intentId = await intendUser(user);
      await sweep();
      await expect(env.stores.users.byIds([user.id])).resolves.toEqual([user]);
      await expect(env.stores.users.outboxIdOf(user.id)).resolves.toBe(intentId);
      expect(eventsAbout(user.id, 'UserSignedUp')).toHaveLength(1);
    });

    it('crash after the user was stored: the sweep publishes once and changes nothing', async () => {
      const user = aUser();
      const intentId = await intendUser(user);
      await env.stores.users.insert(user, intentId);
      await sweep();
      await expect(env.stores.users.byIds([user.id])).resolves.toEqual([user]);
      expect(eventsAbout(user.id, 'UserSignedUp')).toHaveLength(1);
    });

    it('a phone another user took meanwhile: dropped, nothing stored or published', async () => {
      const late = aUser();
      await intendUser(late);
      const other = aUser({ phone: late.phone });
      await env.stores.users.insert(other, 'another-intent');
      await sweep();
      await expect(env.stores.users.byIds([late.id])).resolves.toEqual([]);
      await expect(env.stores.users.byPhone(late.phone)).resolves.toEqual(other);
      expect(eventsAbout(late.id, 'UserSignedUp')).toHaveLength(0);
    });
  });

  describe('createPlan', () => {
    it('crash after the intent: the sweep stores the plan and publishes once', async () => {
      const plan = aPlan();
      const intentId = await intendPlan(plan);
      await sweep();
      await expect(env.stores.plans.byIds([plan.id])).resolves.toEqual([plan]);
      await expect(env.stores.plans.outboxIdOf(plan.id)).resolves.toBe(intentId);
      expect(eventsAbout(plan.id, 'PlanCreated')).toHaveLength(1);
    });

    it('an id another write took: dropped, the standing plan untouched', async () => {
      const plan = aPlan();
      await intendPlan({ ...plan, monthlyFee: 1 });
      await env.stores.plans.insert(plan, 'another-intent');
      await sweep();
      await expect(env.stores.plans.byIds([plan.id])).resolves.toEqual([plan]);
      expect(eventsAbout(plan.id, 'PlanCreated')).toHaveLength(0);
    });
  });

  describe('subscribePlan', () => {
    const plan = aPlan();

    it('crash after the intent: the sweep stores the subscription under it and publishes once', async () => {
      const sub = aSubscription({ planId: plan.id });
      const intentId = await intendSubscription(sub, plan);
      await sweep();
      await expect(env.stores.subscriptions.find(sub.userId, sub.id)).resolves.toEqual({
        subscription: sub,
        outboxId: intentId,
      });
      expect(eventsAbout(sub.userId, 'PlanSubscribed')).toHaveLength(1);
    });

    it('crash after the subscription was stored: published once, one item', async () => {
      const sub = aSubscription({ planId: plan.id });
      const intentId = await intendSubscription(sub, plan);
      await env.stores.subscriptions.put(sub, intentId);
      await sweep();
      expect((await env.stores.subscriptions.ofUsers([sub.userId])).get(sub.userId)).toEqual([sub]);
      expect(eventsAbout(sub.userId, 'PlanSubscribed')).toHaveLength(1);
    });

    it('a subscription stored under another intent: dropped, never overwritten', async () => {
      const sub = aSubscription({ planId: plan.id });
      await intendSubscription(sub, plan);
      await env.stores.subscriptions.put(sub, 'another-intent');
      await sweep();
      await expect(env.stores.subscriptions.find(sub.userId, sub.id)).resolves.toMatchObject({
        outboxId: 'another-intent',
      });
      expect(eventsAbout(sub.userId, 'PlanSubscribed')).toHaveLength(0);
    });
  });

  it('redo handlers are idempotent and read dates back from any stored form', async () => {
    const redo = makeRedo(env.stores);
    const sub = aSubscription();
    const change = {
      subscription: {
        ...sub,
        effectiveAt: sub.effectiveAt.toISOString(),
        createdAt: sub.createdAt.toISOString(),
      },
    };
    await expect(redo[KINDS.planSubscribed]!(change, 'intent-r')).resolves.toBe(true);
    await expect(redo[KINDS.planSubscribed]!(change, 'intent-r')).resolves.toBe(true);
    await expect(redo[KINDS.planSubscribed]!(change, 'intent-other')).resolves.toBe(false);
    expect((await env.stores.subscriptions.ofUsers([sub.userId])).get(sub.userId)).toEqual([sub]);
    await expect(redo[KINDS.userSignedUp]!({ user: { id: 'x' } }, 'i')).rejects.toThrow();
  });
});
