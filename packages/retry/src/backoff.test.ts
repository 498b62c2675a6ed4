import { backoffDelay, type Backoff } from './backoff';

const doubling: Backoff = { initialDelayMs: 200, factor: 2, maxDelayMs: 10_000, jitter: 0 };

describe('backoffDelay', () => {
  it('grows by the factor from the first pause and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, doubling))).toEqual([200, 400, 800, 1600]);
    expect(backoffDelay(20, doubling)).toBe(10_000);
  });

  it('keeps an even interval with a factor of 1', () => {
    const even = { ...doubling, initialDelayMs: 250, factor: 1 };
    expect([1, 2, 50].map((n) => backoffDelay(n, even))).toEqual([250, 250, 250]);
  });

  it('takes up to the jitter share off at random, never adding to a pause', () => {
    const jittered = { ...doubling, jitter: 0.5 };
    expect(backoffDelay(2, jittered, () => 0)).toBe(400);
    expect(backoffDelay(2, jittered, () => 0.5)).toBe(300);
    expect(backoffDelay(2, jittered, () => 0.999999)).toBe(200);
  });

  it('never asks for a pause longer than a timer can wait', () => {
    const unbounded = { ...doubling, maxDelayMs: Infinity };
    expect(backoffDelay(200, unbounded)).toBe(2 ** 31 - 1);
  });
});
