import { isLeaseLive, leaseCutoff } from './lease';

const now = new Date('2026-11-03T01:00:30Z');

describe('leases', () => {
  it('puts the cutoff leaseSeconds before now', () => {
    expect(leaseCutoff(now, 30).toISOString()).toBe('2026-11-03T01:00:00.000Z');
  });

  it.each([
    ['a heartbeat just now', '2026-11-03T01:00:30Z', true],
    ['a heartbeat exactly one lease ago', '2026-11-03T01:00:00Z', true],
    ['a heartbeat one millisecond past the lease', '2026-11-03T00:59:59.999Z', false],
    ['a heartbeat long ago', '2026-11-02T00:00:00Z', false],
  ])('treats %s as live: %s', (_what, beat, live) => {
    expect(isLeaseLive(new Date(beat), now, 30)).toBe(live);
  });

  it('supports leases shorter than a second', () => {
    expect(isLeaseLive(new Date(now.getTime() - 400), now, 0.5)).toBe(true);
    expect(isLeaseLive(new Date(now.getTime() - 600), now, 0.5)).toBe(false);
  });
});
