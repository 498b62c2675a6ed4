import { Kind } from 'graphql';
import { DateTimeScalar, isCalendarInstant } from './date-time';

describe('DateTime input', () => {
  it.each([
    '2026-11-03T10:15:00+09:00',
    '2026-11-03T10:15+09:00',
    '2026-11-03T01:15:00.123Z',
    '2028-02-29T23:59:59-05:30',
    '2026-12-31T00:00:00+14:00',
  ])('takes the real instant %s', (value) => {
    expect(isCalendarInstant(value)).toBe(true);
    expect(DateTimeScalar.parseValue(value)).toEqual(new Date(value));
  });

  it.each([
    ['a day February does not have', '2026-02-30T10:00:00+09:00'],
    ['February 29 outside a leap year', '2027-02-29T10:00:00Z'],
    ['hour 24', '2026-11-03T24:00:00+09:00'],
    ['minute 60', '2026-11-03T10:60:00Z'],
    ['second 60', '2026-11-03T10:15:60Z'],
    ['month 13', '2026-13-01T00:00:00Z'],
    ['day 0', '2026-11-00T00:00:00Z'],
    ['an offset of 24 hours', '2026-11-03T10:00:00+24:00'],
    ['no offset', '2026-11-03T10:00:00'],
    ['a date alone', '2026-11-03'],
  ])('refuses %s (%s) with BAD_USER_INPUT', (_what, value) => {
    expect(isCalendarInstant(value)).toBe(false);
    expect(() => DateTimeScalar.parseValue(value)).toThrow(
      expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }),
    );
  });

  it('refuses what is not a string, as a variable and as a literal', () => {
    expect(() => DateTimeScalar.parseValue(1_700_000_000_000)).toThrow(/ISO-8601/);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' }, {})).toThrow(
      /ISO-8601/,
    );
  });

  it('answers in UTC', () => {
    expect(DateTimeScalar.serialize(new Date('2026-11-03T10:15:00+09:00'))).toBe(
      '2026-11-03T01:15:00.000Z',
    );
  });
});
