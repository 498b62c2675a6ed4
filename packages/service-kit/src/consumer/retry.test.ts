import { backoffMs, isRetriable, PermanentError } from './retry';

describe('isRetriable', () => {
  it('reads the retriable flag when an error carries one', () => {
    expect(isRetriable({ retriable: true })).toBe(true);
    expect(isRetriable(new PermanentError('bad'))).toBe(false);
  });

  it('treats network and server-selection failures as transient', () => {
    expect(isRetriable(Object.assign(new Error('x'), { name: 'MongoNetworkError' }))).toBe(true);
    expect(isRetriable(Object.assign(new Error('x'), { name: 'MongoServerSelectionError' }))).toBe(
      true,
    );
    expect(isRetriable(new TypeError('bug'))).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles from 200 ms and stops at 10 s', () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([200, 400, 800]);
    expect(backoffMs(20)).toBe(10_000);
  });
});
