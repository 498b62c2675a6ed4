import { DomainError } from '@tally/errors';
import { calendarDate, daysInPeriod, parsePeriod, periodOfDate } from './period';

describe('periods', () => {
  it.each([
    ['2026-11', 30],
    ['2026-12', 31],
    ['2027-02', 28],
    ['2028-02', 29],
    ['2100-02', 28],
    ['2000-02', 29],
  ])('gives %s %i days', (period, days) => {
    expect(daysInPeriod(period)).toBe(days);
  });

  it.each(['2026-13', '2026-00', '2026-1', '26-11', '2026/11', ' 2026-11', '2026-11-01', ''])(
    'rejects %j as BAD_USER_INPUT',
    (period) => {
      expect(() => parsePeriod(period)).toThrow(DomainError);
      expect(() => parsePeriod(period)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT' }),
      );
    },
  );

  it('normalises calendar dates across month and year ends, keeping two-digit years', () => {
    expect(calendarDate(2026, 12, 32)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(calendarDate(2026, 3, 0)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(periodOfDate(calendarDate(99, 1, 1))).toBe('0099-01');
  });
});
