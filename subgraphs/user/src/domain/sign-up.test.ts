import { validateSignUp } from './sign-up';

describe('validateSignUp', () => {
  it('trims, normalises the phone and defaults email to null', () => {
    expect(validateSignUp({ name: ' Kim ', phone: '010-1234-5678', email: '  ' })).toEqual({
      name: 'Kim',
      phone: '+821012345678',
      email: null,
    });
  });
  it('takes a name of 100 characters', () => {
    expect(validateSignUp({ name: 'n'.repeat(100), phone: '01012345678' }).name).toHaveLength(100);
  });

  it.each([
    [{ name: '', phone: '01012345678' }, 'name'],
    [{ name: 'Kim', phone: '01012345678', email: 'not-an-email' }, 'email'],
    [{ name: 'Kim', phone: '12' }, 'phone'],
    [{ name: 'n'.repeat(101), phone: '01012345678' }, 'at most 100'],
  ])('refuses %p (%s)', (input, what) => {
    expect(() => validateSignUp(input)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringContaining(what) }),
    );
  });
});
