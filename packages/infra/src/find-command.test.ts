import { findOnPath } from './find-command';

describe('findOnPath', () => {
  it('finds an executable on PATH', () => {
    expect(findOnPath('sh', '/nonexistent:/bin:/usr/bin')).toMatch(/\/sh$/);
  });

  it('answers null for a command that is not there', () => {
    expect(findOnPath('java', '/nonexistent')).toBeNull();
    expect(findOnPath('sh', '')).toBeNull();
  });
});
