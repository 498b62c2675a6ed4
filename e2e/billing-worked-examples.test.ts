import { BASIC_30, PREMIUM_60, billingApi, nextPhone, type UsageItem } from './support/billing-api';
import { createTestStack } from './support/test-stack';

/** billing-rules.md's worked examples, end to end: mutations → Kafka → settlement → bill. */
describe('the worked examples through the gateway', () => {
  const stack = createTestStack();
  let api: ReturnType<typeof billingApi>;
  let seq = 0;
  const use = (
    userId: string,
    type: UsageItem['type'],
    amount: number,
    occurredAt: string,
  ): UsageItem => ({
    id: `${stack.tag}-u${++seq}`,
    userId,
    type,
    amount,
    occurredAt,
  });

  beforeAll(async () => {
    const { gateway } = await stack.startAll();
    api = billingApi(gateway.url);
    await api.createPlan(BASIC_30);
    await api.createPlan(PREMIUM_60);
  });
  afterAll(() => stack.stopAll());

  it('1. one plan all month: 34000', async () => {
    const user = await api.signUp('Example One', nextPhone());
    await api.subscribe(user, 'BASIC-30', '2026-10-20T00:00:00+09:00');
    const usage = [
      use(user, 'DATA', 600, '2026-11-03T10:00:00+09:00'),
      use(user, 'DATA', 600, '2026-11-18T22:00:00+09:00'),
      use(user, 'VOICE', 100, '2026-11-05T09:00:00+09:00'),
      use(user, 'SMS', 5, '2026-11-07T12:00:00+09:00'),
    ];
    expect(await api.recordUsages(usage)).toEqual({ accepted: 4, duplicates: 0, rejected: [] });
    const bill = await api.waitForBill(user, '2026-11', (b) => b.eventsApplied === 5);
    expect(bill).toMatchObject({
      baseFee: 30000,
      overageCharge: 4000,
      total: 34000,
      usage: { dataMb: 1200, voiceSeconds: 100, smsCount: 5 },
    });
    expect(bill.lines).toEqual([
      expect.objectContaining({
        plan: { id: 'BASIC-30', name: 'Basic 30' },
        days: 30,
        baseFee: 30000,
        overageCharge: 4000,
      }),
    ]);
  });

  it('2. a mid-month change: 51000', async () => {
    const user = await api.signUp('Example Two', nextPhone());
    await api.subscribe(user, 'BASIC-30', '2026-11-01T00:00:00+09:00');
    await api.subscribe(user, 'PREMIUM-60', '2026-11-16T09:00:00+09:00');
    await api.recordUsages([
      use(user, 'DATA', 800, '2026-11-10T12:00:00+09:00'),
      use(user, 'DATA', 5000, '2026-11-16T08:00:00+09:00'),
    ]);
    const bill = await api.waitForBill(user, '2026-11', (b) => b.eventsApplied === 4);
    expect(bill).toMatchObject({ baseFee: 45000, overageCharge: 6000, total: 51000 });
    expect(bill.lines.map((l) => [l.plan.id, l.days, l.baseFee, l.overageCharge])).toEqual([
      ['BASIC-30', 15, 15000, 6000],
      ['PREMIUM-60', 15, 30000, 0],
    ]);
    expect(bill.lines[0]!.allowance).toEqual({ dataMb: 500, voiceSeconds: 3000, smsCount: 50 });
  });

  it('3. the billing time zone decides the month', async () => {
    // The rules' example at the Nov/Dec boundary, moved one month back so it is never in the future.
    const user = await api.signUp('Example Three', nextPhone());
    await api.subscribe(user, 'BASIC-30', '2026-09-01T00:00:00+09:00');
    await api.recordUsages([use(user, 'DATA', 70, '2026-10-31T16:00:00Z')]); // 2026-11-01T01:00+09:00
    const november = await api.waitForBill(user, '2026-11', (b) => b.usage.dataMb === 70);
    expect(november.usage.dataMb).toBe(70);
    expect((await api.bill(user, '2026-10')).usage.dataMb).toBe(0);
  });

  it('4. no plan yet: usage before the first subscription is unrated', async () => {
    const user = await api.signUp('Example Four', nextPhone());
    await api.subscribe(user, 'BASIC-30', '2026-11-11T12:00:00+09:00');
    await api.recordUsages([use(user, 'DATA', 100, '2026-11-05T10:00:00+09:00')]);
    const bill = await api.waitForBill(user, '2026-11', (b) => b.eventsApplied === 2);
    expect(bill.unratedUsage).toEqual({ dataMb: 100, voiceSeconds: 0, smsCount: 0 });
    expect(bill.lines).toEqual([
      expect.objectContaining({ days: 20, baseFee: 20000, overageCharge: 0 }),
    ]);
    expect(bill.lines[0]!.allowance.dataMb).toBe(666);
    expect(bill.total).toBe(20000);
  });

  it('an empty period is a zero bill, not null', async () => {
    const user = await api.signUp('Nobody', nextPhone());
    expect(await api.bill(user, '2026-11')).toMatchObject({
      total: 0,
      lines: [],
      eventsApplied: 0,
      updatedAt: null,
    });
  });
});
