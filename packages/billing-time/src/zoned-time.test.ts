import { endOfLocalDay, localDayOf, periodRange, startOfLocalDay } from './zoned-time';

describe('zoned time', () => {
  it('finds the local date of an instant in the billing time zone', () => {
    expect(localDayOf('2026-11-30T16:00:00Z', 'Asia/Seoul')).toEqual({
      year: 2026,
      month: 12,
      day: 1,
    });
    expect(localDayOf('2026-11-30T14:59:59.999Z', 'Asia/Seoul')).toEqual({
      year: 2026,
      month: 11,
      day: 30,
    });
    expect(localDayOf(new Date('2026-11-01T00:00:00+09:00'), 'Asia/Seoul')).toEqual({
      year: 2026,
      month: 11,
      day: 1,
    });
  });

  it('gives a period as [first local midnight, next month first local midnight)', () => {
    expect(periodRange('2026-11', 'Asia/Seoul')).toEqual({
      from: new Date('2026-10-31T15:00:00Z'),
      to: new Date('2026-11-30T15:00:00Z'),
    });
    expect(periodRange('2026-12', 'UTC').to).toEqual(new Date('2027-01-01T00:00:00Z'));
  });

  it('ends a day at the next local midnight', () => {
    expect(endOfLocalDay('2026-11', 16, 'Asia/Seoul')).toEqual(new Date('2026-11-16T15:00:00Z'));
    expect(endOfLocalDay('2026-11', 30, 'Asia/Seoul')).toEqual(new Date('2026-11-30T15:00:00Z'));
  });

  it('follows daylight saving time changes', () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01, both at 02:00.
    expect(startOfLocalDay({ year: 2026, month: 3, day: 8 }, 'America/New_York')).toEqual(
      new Date('2026-03-08T05:00:00Z'),
    );
    expect(startOfLocalDay({ year: 2026, month: 3, day: 9 }, 'America/New_York')).toEqual(
      new Date('2026-03-09T04:00:00Z'),
    );
    expect(startOfLocalDay({ year: 2026, month: 11, day: 2 }, 'America/New_York')).toEqual(
      new Date('2026-11-02T05:00:00Z'),
    );
    expect(periodRange('2026-03', 'Europe/Berlin')).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      to: new Date('2026-03-31T22:00:00Z'),
    });
  });

  it('starts a day whose midnight is skipped at the end of the gap', () => {
    // Santiago springs forward at 24:00 on 2024-09-07: 2024-09-08 starts at 01:00 -03.
    expect(startOfLocalDay({ year: 2024, month: 9, day: 8 }, 'America/Santiago')).toEqual(
      new Date('2024-09-08T04:00:00Z'),
    );
  });

  it('handles zones with fractional offsets', () => {
    expect(startOfLocalDay({ year: 2026, month: 1, day: 1 }, 'Asia/Kathmandu')).toEqual(
      new Date('2025-12-31T18:15:00Z'),
    );
  });
});
