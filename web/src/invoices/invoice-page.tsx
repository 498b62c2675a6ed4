import { useQuery } from '../api/use-query';
import { useSession } from '../auth/use-session';
import { ErrorMessage } from '../components/error-message';
import { InvoiceDocument } from '../generated/operations';
import { hrefOf } from '../routing/route';
import { InvoiceSheet } from './invoice-sheet';

/** One invoice, ready to print (the print stylesheet leaves only the sheet on paper). */
export function InvoicePage({ number }: { number: string }) {
  const { data, error, loading } = useQuery(InvoiceDocument, { number });
  const invoice = data?.invoice;
  const readsBills = useSession().scopes.has('bills:read');
  return (
    <>
      <div className="toolbar no-print">
        {invoice &&
          (readsBills ? (
            <a href={hrefOf({ page: 'invoices', period: invoice.period })}>
              ← Invoices for {invoice.period}
            </a>
          ) : (
            <a href={hrefOf({ page: 'user', userId: invoice.userId })}>← Account</a>
          ))}
        <button type="button" onClick={() => window.print()} disabled={!invoice}>
          Print
        </button>
      </div>
      <ErrorMessage error={error} />
      {loading && !data && <p className="muted">Loading the invoice…</p>}
      {data && !invoice && <p className="error">There is no invoice {number}.</p>}
      {invoice && <InvoiceSheet invoice={invoice} />}
    </>
  );
}
