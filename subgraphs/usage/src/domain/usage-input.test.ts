import { sameUsageContent, validateUsageInput, type UsageInput } from './usage-input';

const now = new Date('2026-11-20T12:00:00Z');
const input: UsageInput = {
  id: 'u-1',
  userId: 'user-1',
  type: 'DATA',
  amount: 10,
  occurredAt: new Date('2026-11-20T11:00:00Z'),
};

describe('validateUsageInput', () => {
  it('accepts a valid item, up to 5 minutes ahead of the clock', () => {
    expect(validateUsageInput(input, now)).toEqual({
      userId: 'user-1',
      type: 'DATA',
      amount: 10,
      occurredAt: input.occurredAt,
    });
    expect(() =>
      validateUsageInput({ ...input, occurredAt: new Date(now.getTime() + 300_000) }, now),
    ).not.toThrow();
  });

  it.each([
    ['DATA', 1_000_000],
    ['VOICE', 86_400],
    ['SMS', 1_000],
  ] as const)('accepts %s up to its ceiling, %i', (type, amount) => {
    expect(validateUsageInput({ ...input, type, amount }, now).amount).toBe(amount);
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'amount'],
    ['a negative amount', { amount: -3 }, 'amount'],
    ['a fractional amount', { amount: 1.5 }, 'amount'],
    [
      'a time more than 5 minutes ahead',
      { occurredAt: new Date(now.getTime() + 300_001) },
      'future',
    ],
    ['an invalid date', { occurredAt: new Date('nope') }, 'occurredAt'],
    ['a blank id', { id: ' ' }, 'id'],
    ['an unknown type', { type: 'FAX' }, 'type'],
    ['DATA over 1,000,000 MB', { amount: 1_000_001 }, 'at most 1,000,000 MB'],
    ['VOICE over a day', { type: 'VOICE', amount: 86_401 }, 'at most 86,400 s'],
    ['SMS over 1,000', { type: 'SMS', amount: 1_001 }, 'at most 1,000 messages'],
    ['the 32-bit ceiling', { amount: 2_147_483_647 }, 'at most'],
  ])('refuses %s', (_, patch, what) => {
    expect(() => validateUsageInput({ ...input, ...patch } as UsageInput, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining(what) }),
    );
  });
});

describe('sameUsageContent', () => {
  const a = validateUsageInput(input, now);
  it('is true for the same content at the same instant written differently', () => {
    expect(sameUsageContent(a, { ...a, occurredAt: new Date('2026-11-20T20:00:00+09:00') })).toBe(
      true,
    );
  });
  it.each([
    { amount: 11 },
    { type: 'SMS' as const },
    { userId: 'user-2' },
    { occurredAt: new Date('2026-11-20T11:00:01Z') },
  ])('is false when %p differs', (patch) =>
    expect(sameUsageContent(a, { ...a, ...patch })).toBe(false),
  );
});
