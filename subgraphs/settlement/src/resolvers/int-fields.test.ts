import { int32Fields } from './int-fields';

describe('int32Fields', () => {
  const fields = int32Fields('Bill', ['total', 'baseFee'] as const);

  it('answers values that fit a GraphQL Int as they are', () => {
    expect(fields.total({ total: 2_147_483_647, baseFee: 0 })).toBe(2_147_483_647);
    expect(fields.baseFee({ total: 0, baseFee: -2_147_483_647 })).toBe(-2_147_483_647);
  });

  it('answers a larger value with OVERFLOW naming the type and field', () => {
    expect(() => fields.total({ total: 2_147_483_648, baseFee: 0 })).toThrow(
      expect.objectContaining({
        code: 'OVERFLOW',
        message: expect.stringContaining('Bill.total is 2,147,483,648'),
      }),
    );
  });
});
