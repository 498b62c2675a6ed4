import { planInForce, validatePlanInput, type PlanInput } from './plan';

const input: PlanInput = {
  id: 'BASIC-30',
  name: 'Basic',
  monthlyFee: 30000,
  allowance: { dataMb: 1000, voiceSeconds: 6000 },
  overageRate: { perMb: 20, perVoiceSecond: 2, perSms: 20 },
};

describe('validatePlanInput', () => {
  it('treats a missing allowance as unlimited (null)', () => {
    expect(validatePlanInput(input).allowance).toEqual({
      dataMb: 1000,
      voiceSeconds: 6000,
      smsCount: null,
    });
  });

  it('takes the longest id and name the contract allows', () => {
    const plan = validatePlanInput({ ...input, id: `A-${'9'.repeat(38)}`, name: 'n'.repeat(100) });
    expect(plan.id).toHaveLength(40);
    expect(plan.name).toHaveLength(100);
  });

  it.each([
    ['a negative fee', { monthlyFee: -1 }, 'monthlyFee'],
    [
      'a fractional rate',
      { overageRate: { perMb: 1.5, perVoiceSecond: 0, perSms: 0 } },
      'overageRate.perMb',
    ],
    ['a negative allowance', { allowance: { dataMb: -5 } }, 'allowance.dataMb'],
    ['a blank name', { name: '  ' }, 'name'],
    ['an id with spaces', { id: 'BASIC 30' }, 'plan id'],
    ['a lower-case id', { id: 'basic-30' }, 'plan id'],
    ['an id with "_"', { id: 'BASIC_30' }, 'plan id'],
    ['an id starting with "-"', { id: '-BASIC' }, 'plan id'],
    ['an id of 41 characters', { id: 'A'.repeat(41) }, 'plan id'],
    ['a name of 101 characters', { name: 'n'.repeat(101) }, 'at most 100'],
  ])('refuses %s naming the field', (_, patch, field) => {
    expect(() => validatePlanInput({ ...input, ...patch })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining(field) }),
    );
  });
});

describe('planInForce', () => {
  const at = (iso: string) => new Date(iso);
  const subs = [
    { id: 'b', planId: 'PREMIUM-60', effectiveAt: at('2026-11-16T00:00:00Z') },
    { id: 'a', planId: 'BASIC-30', effectiveAt: at('2026-11-01T00:00:00Z') },
    { id: 'c', planId: 'FUTURE', effectiveAt: at('2027-01-01T00:00:00Z') },
  ];

  it('is null before the first subscription', () =>
    expect(planInForce(subs, at('2026-10-31T23:59:59Z'))).toBeNull());
  it('is the latest effective one, whatever the input order', () =>
    expect(planInForce(subs, at('2026-12-01T00:00:00Z'))?.planId).toBe('PREMIUM-60'));
  it('counts a subscription effective exactly now', () =>
    expect(planInForce(subs, at('2026-11-16T00:00:00Z'))?.planId).toBe('PREMIUM-60'));
  it('settles same-instant subscriptions by id, as settlement does', () => {
    const tie = [
      { id: 'z', planId: 'Z', effectiveAt: at('2026-11-01T00:00:00Z') },
      { id: 'y', planId: 'Y', effectiveAt: at('2026-11-01T00:00:00Z') },
    ];
    expect(planInForce(tie, at('2026-11-02T00:00:00Z'))?.planId).toBe('Z');
  });
});
