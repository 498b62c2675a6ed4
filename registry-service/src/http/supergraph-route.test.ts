import { matchesEtag } from './supergraph-route';

describe('matchesEtag', () => {
  const etag = '"abc"';
  it.each([
    ['"abc"', true],
    ['W/"abc"', true],
    ['"old", "abc"', true],
    ['*', true],
    ['"old"', false],
    ['abc', false],
    [undefined, false],
  ])('%s -> %s', (header, expected) => {
    expect(matchesEtag(header, etag)).toBe(expected);
  });
});
