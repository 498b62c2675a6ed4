import { nextPhone } from '../../test/support/builders';
import { startUserDeps, type StartedUserDeps } from '../../test/support/subgraph';
import { makeCreatePlan } from './create-plan';
import { makeSignUp } from './sign-up';
import { makeSubscribePlan } from './subscribe-plan';

const planInput = (id: string) => ({
  id,
  name: 'Basic',
  monthlyFee: 30000,
  allowance: { dataMb: 1000, voiceSeconds: null },
  overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
});

/** The use cases' clock: 2026-10 is closed (since 2026-11-04), 2026-11 open, on any run day. */
const NOW = new Date('2026-11-20T12:00:00+09:00');

describe('the user use cases, against Mongo and Kafka', () => {
  let env: StartedUserDeps;
  let signUp: ReturnType<typeof makeSignUp>;
  let createPlan: ReturnType<typeof makeCreatePlan>;
  let subscribePlan: ReturnType<typeof makeSubscribePlan>;
  beforeAll(async () => {
    env = await startUserDeps('user-use-cases', { now: () => NOW });
    signUp = makeSignUp(env.deps);
    createPlan = makeCreatePlan(env.deps);
    subscribePlan = makeSubscribePlan(env.deps);
  });
  afterAll(() => env.close());

  const eventsAbout = (subject: string) =>
    env.topicReader.events.filter((e) => e.subject === subject);
  /** A later event of its own: once it is read, everything sent before it has been read too. */
  const barrier = async () => {
    const marker = await signUp({ name: 'Marker', phone: nextPhone() });
    await env.topicReader.waitFor('the marker', () => eventsAbout(marker.id).length === 1);
  };

  describe('signUp', () => {
    it('stores the user under its intent and publishes one UserSignedUp', async () => {
      const user = await signUp({
        name: ' Kim ',
        phone: '010-1234-0001',
        email: 'kim@example.com',
      });
      expect(user).toMatchObject({ name: 'Kim', phone: '+821012340001', email: 'kim@example.com' });
      await expect(env.stores.users.byPhone('+821012340001')).resolves.toEqual(user);
      await env.topicReader.waitFor('UserSignedUp', () => eventsAbout(user.id).length > 0);
      expect(eventsAbout(user.id)).toEqual([
        expect.objectContaining({
          type: 'UserSignedUp',
          data: expect.objectContaining({ userId: user.id, phone: '+821012340001' }),
        }),
      ]);
      await env.outbox.flush();
      await expect(env.outbox.pending()).resolves.toBe(0);
      await expect(env.stores.users.outboxIdOf(user.id)).resolves.toEqual(expect.any(String));
    });

    it('refuses a phone already signed up with CONFLICT, storing and publishing nothing', async () => {
      const first = await signUp({ name: 'Kim', phone: '01012340002' });
      await expect(signUp({ name: 'Lee', phone: '+82 10 1234 0002' })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(env.stores.users.byPhone('+821012340002')).resolves.toEqual(first);
      await barrier();
      const aboutThePhone = env.topicReader
        .of('UserSignedUp')
        .filter((e) => e.data.phone === '+821012340002');
      expect(aboutThePhone.map((e) => e.subject)).toEqual([first.id]);
      await env.outbox.flush();
      await expect(env.outbox.pending()).resolves.toBe(0);
    });

    it('refuses a bad phone before any intent', async () => {
      await env.outbox.flush();
      await expect(signUp({ name: 'Kim', phone: '12' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      await expect(env.outbox.pending()).resolves.toBe(0);
    });
  });

  describe('createPlan', () => {
    it('stores the plan and publishes one PlanCreated with its terms', async () => {
      const plan = await createPlan(planInput('BASIC-30'));
      expect(plan).toMatchObject({ id: 'BASIC-30', allowance: { smsCount: null } });
      await expect(env.stores.plans.byIds(['BASIC-30'])).resolves.toEqual([plan]);
      await env.topicReader.waitFor('PlanCreated', () => eventsAbout('BASIC-30').length > 0);
      expect(eventsAbout('BASIC-30')).toEqual([
        expect.objectContaining({
          type: 'PlanCreated',
          data: {
            plan: {
              id: 'BASIC-30',
              name: 'Basic',
              monthlyFee: 30000,
              allowance: { dataMb: 1000, voiceSeconds: null, smsCount: null },
              overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
            },
          },
        }),
      ]);
    });

    it('refuses an id already taken with CONFLICT, keeping the first terms unpublished again', async () => {
      await createPlan(planInput('DUP-1'));
      await expect(createPlan({ ...planInput('DUP-1'), monthlyFee: 1 })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(env.stores.plans.byIds(['DUP-1'])).resolves.toEqual([
        expect.objectContaining({ monthlyFee: 30000 }),
      ]);
      await barrier();
      expect(eventsAbout('DUP-1')).toHaveLength(1);
      await expect(env.outbox.pending()).resolves.toBe(0);
    });
  });

  describe('subscribePlan', () => {
    it("stores the subscription under the user and publishes one PlanSubscribed with the plan's terms", async () => {
      const user = await signUp({ name: 'Kim', phone: '01012340003' });
      await createPlan(planInput('PREMIUM-60'));
      const effectiveAt = new Date('2026-11-16T00:00:00+09:00');
      const sub = await subscribePlan({ userId: user.id, planId: 'PREMIUM-60', effectiveAt });
      expect(sub).toMatchObject({ userId: user.id, planId: 'PREMIUM-60', effectiveAt });
      expect((await env.stores.subscriptions.ofUsers([user.id])).get(user.id)).toEqual([sub]);
      await env.topicReader.waitFor('PlanSubscribed', () =>
        eventsAbout(user.id).some((e) => e.type === 'PlanSubscribed'),
      );
      expect(eventsAbout(user.id).filter((e) => e.type === 'PlanSubscribed')).toEqual([
        expect.objectContaining({
          data: expect.objectContaining({
            subscriptionId: sub.id,
            effectiveAt: '2026-11-15T15:00:00.000Z',
            plan: expect.objectContaining({ id: 'PREMIUM-60', monthlyFee: 30000 }),
          }),
        }),
      ]);
    });

    it('defaults effectiveAt to now', async () => {
      const user = await signUp({ name: 'Kim', phone: '01012340004' });
      const sub = await subscribePlan({ userId: user.id, planId: 'BASIC-30' });
      expect(sub.effectiveAt).toEqual(NOW);
      expect(sub.effectiveAt).toEqual(sub.createdAt);
    });

    it('refuses an effectiveAt in a period closed on schedule with CONFLICT, storing and publishing nothing', async () => {
      const user = await signUp({ name: 'Kim', phone: nextPhone() });
      await env.outbox.flush();
      const effectiveAt = new Date('2026-11-01T00:00:00+09:00');
      await expect(
        subscribePlan({
          userId: user.id,
          planId: 'BASIC-30',
          effectiveAt: new Date(effectiveAt.getTime() - 1),
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        message: 'period 2026-10 is closed: a subscription can take effect from 2026-11 on',
      });
      await expect(env.outbox.pending()).resolves.toBe(0);
      expect((await env.stores.subscriptions.ofUsers([user.id])).size).toBe(0);
      // The first instant of 2026-11 is open.
      await expect(
        subscribePlan({ userId: user.id, planId: 'BASIC-30', effectiveAt }),
      ).resolves.toMatchObject({ effectiveAt });
      await barrier();
      expect(eventsAbout(user.id).filter((e) => e.type === 'PlanSubscribed')).toHaveLength(1);
    });

    it.each([
      ['an unknown user', () => ({ userId: 'nobody', planId: 'BASIC-30' }), 'no user nobody'],
      ['an unknown plan', (userId: string) => ({ userId, planId: 'NOPE' }), 'no plan NOPE'],
    ])('refuses %s with NOT_FOUND, before any intent', async (_, input, message) => {
      const user = await signUp({ name: 'Kim', phone: nextPhone() });
      await env.outbox.flush();
      await expect(subscribePlan(input(user.id))).rejects.toMatchObject({
        code: 'NOT_FOUND',
        message,
      });
      await expect(env.outbox.pending()).resolves.toBe(0);
      expect((await env.stores.subscriptions.ofUsers([user.id])).size).toBe(0);
    });
  });
});
