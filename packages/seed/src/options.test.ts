import { OptionsError, lastMonth, parseOptions } from './options';

describe('seed options', () => {
  const now = new Date('2026-01-15T00:00:00Z');
  it('has sane defaults', () => {
    expect(parseOptions([], now)).toMatchObject({
      users: 50,
      recordsPerUser: 200,
      period: '2025-12',
      batchSize: 1000,
    });
  });
  it('reads every flag', () => {
    expect(
      parseOptions(
        ['--users', '3', '--records-per-user', '10', '--period', '2026-11', '--batch', '7'],
        now,
      ),
    ).toMatchObject({
      users: 3,
      recordsPerUser: 10,
      period: '2026-11',
      batchSize: 7,
    });
  });
  it.each([
    [['--users', '0']],
    [['--batch', '1001']],
    [['--period', '2026-13']],
    [['--gateway', 'ftp://x']],
    [['--nope']],
  ])('refuses %p with a clear message', (argv) =>
    expect(() => parseOptions(argv, now)).toThrow(OptionsError),
  );
  it('knows last month across a year', () => expect(lastMonth(now)).toBe('2025-12'));
});
