import { randomUUID } from 'node:crypto';
import { aPlan, aSubscription, aUser } from '../../test/support/builders';
import { userGraphql } from '../../test/support/graphql';
import { startUserDeps, type StartedUserDeps } from '../../test/support/subgraph';

/**
 * No N+1: every field that needs another document goes through a per-request DataLoader, so
 * a page of users with their plans and subscriptions costs the same few Mongo round trips
 * whether it holds 5 users or 100. Counted with the driver's command monitoring.
 */
describe('user reads batch their lookups', () => {
  let env: StartedUserDeps;
  let graphql: Awaited<ReturnType<typeof userGraphql>>;
  const plans = [aPlan(), aPlan(), aPlan()];
  const userIds: string[] = [];

  beforeAll(async () => {
    env = await startUserDeps('user-batching');
    graphql = await userGraphql(env.deps);
    for (const [i, p] of plans.entries()) await env.stores.plans.insert(p, `plan-${i}`);
    const base = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 100; i++) {
      const user = aUser({ createdAt: new Date(base + i) });
      userIds.push(user.id);
      await env.stores.users.insert(user, `user-${i}`);
      for (const [k, effectiveAt] of ['2026-01-01', '2026-02-01'].entries()) {
        const plan = plans[(i + k) % plans.length]!;
        const sub = aSubscription({
          userId: user.id,
          planId: plan.id,
          effectiveAt: new Date(effectiveAt),
        });
        await env.stores.subscriptions.put(sub, randomUUID());
      }
    }
  });
  afterAll(async () => {
    await graphql.stop();
    await env.close();
  });

  /** The Mongo commands one operation sends. */
  const commandsOf = async (query: string, variables?: Record<string, unknown>) => {
    const before = env.commands.length;
    const data = await graphql.run(query, variables);
    return { data, commands: env.commands.slice(before).map((c) => c.name) };
  };

  const usersWithPlans = `query ($first: Int) {
    users(first: $first) {
      edges { node { id plan { id name } subscriptions { id effectiveAt plan { id } user { id } } } }
    }
  }`;

  it('a page of 100 users with plan and subscriptions { plan user } costs as much as a page of 5', async () => {
    const small = await commandsOf(usersWithPlans, { first: 5 });
    const large = await commandsOf(usersWithPlans, { first: 100 });
    // The users page, their subscriptions, the plans they name; the users are primed.
    expect(large.commands).toEqual(['find', 'find', 'find']);
    expect(small.commands).toEqual(large.commands);

    const edges = (large.data.users as { edges: Array<{ node: Record<string, unknown> }> }).edges;
    expect(edges).toHaveLength(100);
    const first = edges[0]!.node as {
      id: string;
      plan: { id: string };
      subscriptions: Array<{ effectiveAt: string; plan: { id: string }; user: { id: string } }>;
    };
    expect(first.id).toBe(userIds[0]);
    // Oldest first, and the plan in force now is the later one.
    expect(first.subscriptions.map((s) => s.effectiveAt)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
    ]);
    expect(first.plan.id).toBe(first.subscriptions[1]!.plan.id);
    expect(first.subscriptions[0]!.user.id).toBe(first.id);
  });

  it("the gateway's _entities for 100 users (with plans) costs a constant number of finds", async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on User { id phone plan { id } } }
    }`;
    const representations = userIds.map((id) => ({ __typename: 'User', id }));
    const { data, commands } = await commandsOf(query, { representations });
    expect(commands).toEqual(['find', 'find', 'find']); // users, their subscriptions, plans
    const entities = data._entities as Array<{ id: string; plan: { id: string } | null }>;
    expect(entities.map((e) => e.id)).toEqual(userIds);
    expect(entities.every((e) => e.plan !== null)).toBe(true);
  });

  it('Plan references are batched too, and loaders never cache across requests', async () => {
    const query = `query ($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Plan { id monthlyFee } }
    }`;
    const representations = plans.map((p) => ({ __typename: 'Plan', id: p.id }));
    const once = await commandsOf(query, { representations });
    const again = await commandsOf(query, { representations });
    expect(once.commands).toEqual(['find']);
    expect(again.commands).toEqual(['find']);
  });
});
