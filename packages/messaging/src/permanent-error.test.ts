import { backoffDelay } from '@tally/retry';
import { APPLY_BACKOFF, isRetriable, PermanentError } from './permanent-error';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error('x'), { name, ...extra });

describe('isRetriable', () => {
  it('is false only for an event our code marks as never applicable', () => {
    expect(isRetriable(new PermanentError('unknown plan terms'))).toBe(false);
  });

  it('retries database, broker, network and timeout failures, whatever they call themselves', () => {
    for (const err of [
      named('MongoNetworkError'),
      named('MongoServerSelectionError'),
      named('MongoBulkWriteError', { code: 91 }), // a stepdown mid-write
      named('MongoWriteConcernError', { code: 64 }),
      named('KafkaJSProtocolError', { retriable: false }),
      named('TimeoutError'),
    ])
      expect(isRetriable(err)).toBe(true);
  });

  it('retries errors nobody foresaw rather than setting valid events aside', () => {
    expect(isRetriable(new TypeError('x is undefined'))).toBe(true);
    expect(isRetriable('a string thrown')).toBe(true);
    expect(isRetriable({ retriable: false })).toBe(true);
  });
});

describe('the backoff of applying', () => {
  const pause = (attempt: number, random = 0) => backoffDelay(attempt, APPLY_BACKOFF, () => random);

  it('doubles from 200 ms and stops at 10 s', () => {
    expect([1, 2, 3].map((n) => pause(n))).toEqual([200, 400, 800]);
    expect(pause(20)).toBe(10_000);
  });

  it('takes at most a fifth off at random', () => {
    expect(pause(20, 0.999999)).toBe(8000);
  });
});
