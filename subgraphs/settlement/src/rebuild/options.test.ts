import { OptionsError, parseOptions } from './options';

describe('rebuild:settlement options', () => {
  it('knows --help and -h', () => {
    expect(parseOptions(['--help'])).toEqual({ help: true });
    expect(parseOptions(['-h'])).toEqual({ help: true });
    expect(parseOptions([])).toEqual({ help: false });
  });

  it('refuses anything else, showing the usage', () => {
    expect(() => parseOptions(['--force'])).toThrow(OptionsError);
    expect(() => parseOptions(['--force'])).toThrow(/unknown option --force[\s\S]*Usage:/);
  });
});
