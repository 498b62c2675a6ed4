import { DomainError } from '@tally/errors';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './cursor';

describe('cursors', () => {
  it('round-trip their sort key', () => {
    expect(decodeCursor(encodeCursor([1700000000000, 'u-1']), 2)).toEqual([1700000000000, 'u-1']);
  });

  it('refuse a cursor this API did not give out, as BAD_USER_INPUT', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(DomainError);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/not a cursor/);
  });

  it('bound the page size', () => {
    expect(pageSize(undefined, 20, 100)).toBe(20);
    expect(() => pageSize(0, 20, 100)).toThrow(/between 1 and 100/);
    expect(() => pageSize(101, 20, 100)).toThrow(DomainError);
  });

  it('bound every page to the contract limit of 200 unless told less', () => {
    expect(pageSize(200, 20)).toBe(200);
    expect(() => pageSize(201, 20)).toThrow(/between 1 and 200/);
  });

  it('build a connection that knows whether a next page exists', () => {
    const conn = toConnection([1, 2, 3], 2, (n) => `c${n}`);
    expect(conn).toEqual({
      edges: [
        { cursor: 'c1', node: 1 },
        { cursor: 'c2', node: 2 },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c2' },
    });
    expect(toConnection([], 2, String).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});
