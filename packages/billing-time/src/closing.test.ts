import { endOfPeriod, nextPeriod, periodOf, previousPeriod, scheduledCloseOf } from './closing';

describe('closing a period on schedule', () => {
  it('2026-10 with 3 grace days closes at 2026-11-04T00:00+09:00 (billing-rules.md)', () => {
    expect(scheduledCloseOf('2026-10', 3, 'Asia/Seoul').toISOString()).toBe(
      '2026-11-03T15:00:00.000Z',
    );
  });

  it('December rolls into the next year; 0 grace days closes when the month ends', () => {
    expect(scheduledCloseOf('2026-12', 3, 'Asia/Seoul').toISOString()).toBe(
      '2027-01-03T15:00:00.000Z',
    );
    expect(endOfPeriod('2026-12', 'Asia/Seoul').toISOString()).toBe('2026-12-31T15:00:00.000Z');
  });

  it('follows the zone’s own offset (New York in DST and out of it)', () => {
    expect(scheduledCloseOf('2026-10', 3, 'America/New_York').toISOString()).toBe(
      '2026-11-04T05:00:00.000Z',
    );
    expect(endOfPeriod('2026-02', 'America/New_York').toISOString()).toBe(
      '2026-03-01T05:00:00.000Z',
    );
  });

  it('finds the period of an instant and its neighbours', () => {
    expect(periodOf('2026-10-31T15:00:00Z', 'Asia/Seoul')).toBe('2026-11');
    expect(periodOf('2026-10-31T14:59:59.999Z', 'Asia/Seoul')).toBe('2026-10');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2027-01')).toBe('2026-12');
  });
});
