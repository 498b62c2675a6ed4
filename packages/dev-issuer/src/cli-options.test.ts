import { parseTokenCommand, UsageError } from './cli-options';

describe('parseTokenCommand', () => {
  it('reads --role, --user and --ttl, spaced or with =', () => {
    expect(parseTokenCommand(['--role', 'subscriber', '--user', 'u-1', '--ttl', '15m'])).toEqual({
      kind: 'mint',
      role: 'subscriber',
      user: 'u-1',
      ttl: '15m',
    });
    expect(parseTokenCommand(['--role=admin'])).toEqual({ kind: 'mint', role: 'admin' });
  });

  it('answers --help and -h with help, whatever else is there', () => {
    expect(parseTokenCommand(['--help'])).toEqual({ kind: 'help' });
    expect(parseTokenCommand(['--role', 'x', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], /--role is required/],
    [['--role'], /needs a value/],
    [['--role', '--user', 'u'], /needs a value/],
    [['--role', 'admin', '--role', 'agent'], /twice/],
    [['--rol', 'admin'], /unknown option --rol/],
    [['admin'], /unexpected argument/],
    [['--role='], /--role is required/],
  ])('refuses %j', (argv, why) => {
    expect(() => parseTokenCommand(argv)).toThrow(UsageError);
    expect(() => parseTokenCommand(argv)).toThrow(why);
  });
});
