import { DomainError } from '@tally/errors';

/** Opaque Relay cursors: base64url of the sort key, so clients never parse them. */
export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number> {
  try {
    const parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(parts) &&
      parts.length === arity &&
      parts.every((p) => typeof p === 'string' || typeof p === 'number')
    ) {
      return parts;
    }
  } catch {
    // fall through to the clear error below
  }
  throw new DomainError('BAD_USER_INPUT', `'after' is not a cursor this API gave out: ${cursor}`);
}

/** security.md, "Limits": `first` on any connection. */
export const MAX_PAGE_SIZE = 200;

/** `first` must be 1..max; the contract's defaults are applied by the schema. */
export function pageSize(
  first: number | null | undefined,
  fallback: number,
  max = MAX_PAGE_SIZE,
): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new DomainError('BAD_USER_INPUT', `'first' must be between 1 and ${max}; got ${n}`);
  }
  return n;
}

/** Fetch one more than asked to know whether a next page exists. */
export function toConnection<T>(rows: T[], size: number, cursorOf: (row: T) => string) {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
