import { useCallback, useState } from 'react';

/** Relay-style paging: the cursors of the pages seen so far, so "previous" needs no backward cursor. */
export function useCursorPages() {
  const [afters, setAfters] = useState<Array<string | null>>([null]);
  return {
    after: afters[afters.length - 1] ?? null,
    page: afters.length,
    next: useCallback((endCursor: string) => setAfters((a) => [...a, endCursor]), []),
    previous: useCallback(() => setAfters((a) => (a.length > 1 ? a.slice(0, -1) : a)), []),
    reset: useCallback(() => setAfters([null]), []),
  };
}
