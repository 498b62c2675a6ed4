import { OptionsError, parseOptions } from './options';

describe('backup options', () => {
  it('defaults to every record and ten ids per kind', () => {
    expect(parseOptions('verify', [])).toEqual({ period: null, list: 10, help: false });
  });

  it('reads a period and a list size', () => {
    expect(parseOptions('verify', ['--period', '2026-10', '--list', '0'])).toEqual({
      period: '2026-10',
      list: 0,
      help: false,
    });
    expect(parseOptions('restore', ['--period', '2026-02']).period).toBe('2026-02');
    expect(parseOptions('restore', ['--help']).help).toBe(true);
  });

  it.each([
    ['verify', ['--period', '2026-13'], '--period must be YYYY-MM; got 2026-13'],
    ['verify', ['--period'], '--period must be YYYY-MM; got nothing'],
    ['verify', ['--list', '-1'], '--list must be an integer from 0 to 1000; got -1'],
    ['verify', ['--list', '2.5'], '--list must be an integer from 0 to 1000; got 2.5'],
    ['restore', ['--list', '5'], 'unknown option --list'],
    ['verify', ['--users', '5'], 'unknown option --users'],
  ] as const)('%s %j → %s', (command, argv, message) => {
    const parse = () => parseOptions(command, [...argv]);
    expect(parse).toThrow(OptionsError);
    expect(parse).toThrow(message);
  });
});
