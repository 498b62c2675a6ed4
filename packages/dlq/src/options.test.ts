import { parseCommand, UsageError } from './options';

describe('parseCommand', () => {
  it('reads the three commands', () => {
    expect(parseCommand(['list'])).toEqual({ kind: 'list' });
    expect(parseCommand(['show', '2:41'])).toEqual({ kind: 'show', partition: 2, offset: '41' });
    expect(parseCommand(['replay'])).toEqual({ kind: 'replay' });
    expect(parseCommand(['replay', '--since', '2026-12-01T00:00:00Z'])).toEqual({
      kind: 'replay',
      since: new Date('2026-12-01T00:00:00Z'),
    });
  });

  it('answers help for nothing or --help', () => {
    expect(parseCommand([])).toEqual({ kind: 'help' });
    expect(parseCommand(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['show', '41'], /partition:offset/],
    [['replay', '--since', 'yesterday'], /ISO-8601/],
    [['purge'], /unknown command/],
  ])('refuses %p, saying what it takes', (argv, says) => {
    expect(() => parseCommand(argv)).toThrow(UsageError);
    expect(() => parseCommand(argv)).toThrow(says);
  });
});
