import { aPlan } from '../../test/support/builders';
import { openDb } from '../../test/support/infra';
import { makeStores, type Stores } from '.';

describe('the plan store', () => {
  let opened: Awaited<ReturnType<typeof openDb>>;
  let stores: Stores;
  beforeAll(async () => {
    opened = await openDb('plan-store');
    stores = makeStores(opened.db);
    await stores.ready();
  });
  afterAll(() => opened.close());

  it('stores a plan with its intent id and finds it by id, unlimited allowances as null', async () => {
    const plan = aPlan({ allowance: { dataMb: null, voiceSeconds: 0, smsCount: null } });
    await expect(stores.plans.insert(plan, 'intent-1')).resolves.toBe(true);
    await expect(stores.plans.byIds([plan.id, 'NONE'])).resolves.toEqual([plan]);
    await expect(stores.plans.outboxIdOf(plan.id)).resolves.toBe('intent-1');
  });

  it('refuses a plan id already taken, keeping the first terms', async () => {
    const plan = aPlan();
    await stores.plans.insert(plan, 'intent-a');
    await expect(stores.plans.insert({ ...plan, monthlyFee: 1 }, 'intent-b')).resolves.toBe(false);
    await expect(stores.plans.byIds([plan.id])).resolves.toEqual([plan]);
    await expect(stores.plans.outboxIdOf(plan.id)).resolves.toBe('intent-a');
  });

  it('lists the catalogue by id', async () => {
    const { db, close } = await openDb('plan-list');
    try {
      const own = makeStores(db);
      await own.ready();
      const plans = [aPlan({ id: 'B' }), aPlan({ id: 'C' }), aPlan({ id: 'A' })];
      for (const p of plans) await own.plans.insert(p, 'i');
      await expect(own.plans.all()).resolves.toEqual([plans[2], plans[0], plans[1]]);
    } finally {
      await close();
    }
  });
});
