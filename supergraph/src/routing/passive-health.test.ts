import { createPassiveHealth } from './passive-health';

describe('passive health', () => {
  let clock = 0;
  const health = () => createPassiveHealth({ baseMs: 500, maxMs: 4000, now: () => clock });
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('skips a failed instance for a back-off that doubles with each failure in a row, up to a cap', () => {
    const h = health();
    expect([1, 2, 3, 4, 5].map(() => h.failed('http://a'))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(h.isDown('http://a')).toBe(true);
    clock += 3999;
    expect(h.isDown('http://a')).toBe(true);
    clock += 1;
    expect(h.isDown('http://a')).toBe(false); // due to be tried again
  });

  it('forgets the failures once the instance answers', () => {
    const h = health();
    h.failed('http://a');
    h.failed('http://a');
    expect(h.answered('http://a')).toBe(true);
    expect(h.isDown('http://a')).toBe(false);
    expect(h.failed('http://a')).toBe(500);
    expect(h.answered('http://b')).toBe(false);
  });

  it('drops instances no longer in the pool', () => {
    const h = health();
    h.failed('http://a');
    h.failed('http://b');
    h.keepOnly(new Set(['http://b']));
    expect(h.retryAt('http://a')).toBe(0);
    expect(h.isDown('http://b')).toBe(true);
  });
});
