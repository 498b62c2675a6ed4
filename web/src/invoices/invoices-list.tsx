import type { ReactNode } from 'react';
import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { Pager } from '../components/pager';
import { useCursorPages } from '../components/use-cursor-pages';
import { formatDateTime } from '../format/dates';
import { formatWon } from '../format/money';
import { PeriodInvoicesDocument } from '../generated/operations';
import { hrefOf } from '../routing/route';

const PAGE_SIZE = 20;

interface InvoicesListProps {
  period: string;
  /** Bumped after a close: the list asks again. */
  closes: number;
  /** Actions on the whole period (the CSV download). */
  children?: ReactNode;
}

/** The period's invoices by number, a page at a time. */
export function InvoicesList({ period, closes, children }: InvoicesListProps) {
  const pages = useCursorPages();
  const { data, error, loading } = useQuery(
    PeriodInvoicesDocument,
    { period, first: PAGE_SIZE, after: pages.after },
    { version: closes },
  );
  const invoices = data?.invoices.edges.map((e) => e.node) ?? [];
  return (
    <section aria-label="Invoices of the period">
      <div className="section-head">
        <h2>Invoices for {period}</h2>
        {children}
      </div>
      <ErrorMessage error={error} />
      {loading && !data && <p className="muted">Loading invoices…</p>}
      {data && invoices.length === 0 && (
        <p className="muted">
          {pages.page === 1
            ? `No invoices for ${period}: it is not closed yet, or nobody had a plan or usage in it.`
            : 'No invoices on this page.'}
        </p>
      )}
      {invoices.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Number</th>
              <th>Customer</th>
              <th className="num">Total</th>
              <th>Issued at</th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.number}>
                <td className="mono">
                  <a href={hrefOf({ page: 'invoice', number: invoice.number })}>{invoice.number}</a>
                </td>
                <td>
                  <a href={hrefOf({ page: 'user', userId: invoice.userId })}>{invoice.user.name}</a>
                </td>
                <td className="num">{formatWon(invoice.total)}</td>
                <td>{formatDateTime(invoice.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager pages={pages} pageInfo={data?.invoices.pageInfo} label="Invoice pages" />
    </section>
  );
}
