import type { useCursorPages } from './use-cursor-pages';

interface PagerProps {
  pages: ReturnType<typeof useCursorPages>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null } | undefined;
  label: string;
}

export function Pager({ pages, pageInfo, label }: PagerProps) {
  const endCursor = pageInfo?.hasNextPage ? pageInfo.endCursor : null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={pages.previous} disabled={pages.page === 1}>
        Previous page
      </button>
      <span>Page {pages.page}</span>
      <button
        type="button"
        onClick={() => endCursor && pages.next(endCursor)}
        disabled={!endCursor}
      >
        Next page
      </button>
    </nav>
  );
}
