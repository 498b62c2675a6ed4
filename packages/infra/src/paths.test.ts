import { join, resolve } from 'node:path';
import { stackDataDir } from './paths';

describe('stackDataDir', () => {
  it('is .data/ under the root unless TALLY_DATA_DIR names another folder', () => {
    expect(stackDataDir('/repo', {})).toBe(join('/repo', '.data'));
    expect(stackDataDir('/repo', { TALLY_DATA_DIR: ' ' })).toBe(join('/repo', '.data'));
    expect(stackDataDir('/repo', { TALLY_DATA_DIR: '/tmp/bench-1' })).toBe('/tmp/bench-1');
    expect(stackDataDir('/repo', { TALLY_DATA_DIR: 'runs/a' })).toBe(resolve('runs/a'));
  });
});
