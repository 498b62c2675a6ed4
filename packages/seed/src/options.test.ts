import { OptionsError, lastMonth, parseOptions } from './options';

describe('seed options', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  it('has sane defaults: last month, closed, with 3 late records', () => {
    expect(parseOptions([], now)).toMatchObject({
      users: 50,
      recordsPerUser: 200,
      period: '2025-12',
      batchSize: 1000,
      close: true,
      late: 3,
    });
  });
  it('reads every flag', () => {
    expect(
      parseOptions(
        [
          '--users',
          '3',
          '--records-per-user',
          '10',
          '--period',
          '2026-11',
          '--batch',
          '7',
          '--late',
          '2',
          '--show',
          '5',
          '--concurrency',
          '8',
          '--gateway',
          'http://gw:1/graphql',
        ],
        now,
      ),
    ).toEqual({
      users: 3,
      recordsPerUser: 10,
      period: '2026-11',
      batchSize: 7,
      late: 2,
      show: 5,
      concurrency: 8,
      gateway: 'http://gw:1/graphql',
      close: true,
    });
  });
  it('leaves the month open with --no-close, which takes no value', () =>
    expect(parseOptions(['--no-close', '--users', '4'], now)).toMatchObject({
      close: false,
      late: 0,
      users: 4,
    }));
  it('takes --late 0: closed, no late records', () =>
    expect(parseOptions(['--late', '0'], now)).toMatchObject({ close: true, late: 0 }));
  it('keeps the default late records within the users', () =>
    expect(parseOptions(['--users', '2'], now).late).toBe(2));
  it.each([
    [['--users', '0'], /--users must be an integer from 1/],
    [['--batch', '1001'], /--batch must be an integer from 1 to 1000/],
    [['--period', '2026-13'], /--period must be YYYY-MM; got 2026-13/],
    [['--period'], /--period must be YYYY-MM; got nothing/],
    [['--gateway', 'ftp://x'], /--gateway must be an http\(s\) URL/],
    [['--late', '-1'], /--late must be an integer from 0/],
    [['--late', ''], /--late must be an integer from 0/],
    [['--late', '1.5'], /--late must be an integer from 0/],
    [['--users', '2', '--late', '3'], /--late must be at most --users \(2\)/],
    [['--no-close', '--late', '2'], /--late 2 needs the month closed/],
    [['--nope'], /unknown option --nope/],
  ])('refuses %p with a clear message', (argv, message) => {
    expect(() => parseOptions(argv, now)).toThrow(OptionsError);
    expect(() => parseOptions(argv, now)).toThrow(message);
  });
  it('knows last month across a year', () => expect(lastMonth(now)).toBe('2025-12'));
  it('takes last month in the billing time zone (Asia/Seoul), not UTC', () => {
    // 2026-12-31T15:00Z is already 2027-01-01 in Seoul.
    expect(lastMonth(new Date('2026-12-31T15:00:00Z'))).toBe('2026-12');
    expect(lastMonth(new Date('2026-12-31T14:59:59Z'))).toBe('2026-11');
  });
});
