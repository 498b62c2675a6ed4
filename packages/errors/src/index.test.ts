import { DomainError, ErrorCode, isDomainError } from './index';

describe('DomainError', () => {
  it('carries a contract code and is recognised across the boundary', () => {
    const err = new DomainError(ErrorCode.CONFLICT, 'plan BASIC-30 already exists');
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: 'DomainError',
      code: 'CONFLICT',
      message: 'plan BASIC-30 already exists',
    });
    expect(isDomainError(err)).toBe(true);
    expect(isDomainError(new Error('boom'))).toBe(false);
    expect(isDomainError({ code: 'CONFLICT', message: 'duck' })).toBe(false);
  });

  it('lists exactly the codes of the contract', () => {
    expect(Object.values(ErrorCode).sort()).toEqual([
      'BAD_USER_INPUT',
      'CONFLICT',
      'FORBIDDEN',
      'INTERNAL_SERVER_ERROR',
      'NOT_FOUND',
      'OVERFLOW',
      'UNAUTHENTICATED',
      'UNAVAILABLE',
    ]);
  });
});
