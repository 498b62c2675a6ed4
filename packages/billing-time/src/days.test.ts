import { dayOf, daysOfPeriod, formatDay, parseDay } from './days';

describe('days', () => {
  it('lists every day of a period, 29 in February 2028', () => {
    const days = daysOfPeriod('2028-02');
    expect(days).toHaveLength(29);
    expect(days[0]).toBe('2028-02-01');
    expect(days[28]).toBe('2028-02-29');
  });

  it('puts an instant on its day in the billing time zone', () => {
    expect(dayOf('2026-11-30T16:00:00Z', 'Asia/Seoul')).toBe('2026-12-01');
    expect(dayOf('2026-11-30T16:00:00Z', 'UTC')).toBe('2026-11-30');
  });

  it('reads back the day it writes', () => {
    expect(formatDay(parseDay('0099-01-09'))).toBe('0099-01-09');
  });

  it('refuses a malformed day and a malformed period', () => {
    expect(() => parseDay('2026-1-1')).toThrow(/not a day/);
    expect(() => daysOfPeriod('2026-13')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    );
  });
});
