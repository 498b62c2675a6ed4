import { normalisePhone } from './phone';

describe('normalisePhone', () => {
  it.each([
    ['010-1234-5678', '+821012345678'],
    ['01012345678', '+821012345678'],
    ['+821012345678', '+821012345678'],
    [' 010 1234 5678 ', '+821012345678'],
    ['+82 10 1234 5678', '+821012345678'],
    ['011-123-4567', '+82111234567'],
  ])('accepts %p as %p', (input, e164) => expect(normalisePhone(input)).toBe(e164));

  it.each([
    '',
    '1234',
    '02-123-4567',
    '010-1234-56789',
    '+1 555 123 4567',
    '010.1234.5678',
    'abc',
    '+8201012345678',
  ])('refuses %p with BAD_USER_INPUT', (input) =>
    expect(() => normalisePhone(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    ),
  );
});
