import { formatDateTime } from '../format/dates';
import { formatWon } from '../format/money';
import type { InvoiceQuery } from '../generated/operations';
import { AdjustmentsTable } from '../user/adjustments-table';
import { BillLinesTable } from '../user/bill-lines-table';
import { UsageTotalsTable } from '../user/usage-totals-table';

type Invoice = NonNullable<InvoiceQuery['invoice']>;

/** The invoice itself: what is printed. Every figure is the frozen bill's, as the API gives it. */
export function InvoiceSheet({ invoice }: { invoice: Invoice }) {
  const { bill } = invoice;
  return (
    <article className="invoice" aria-label={`Invoice ${invoice.number}`}>
      <header className="invoice-head">
        <div>
          <p className="invoice-issuer">Tally</p>
          <h1>Invoice {invoice.number}</h1>
        </div>
        <dl className="facts">
          <div>
            <dt>Period</dt>
            <dd>{invoice.period}</dd>
          </div>
          <div>
            <dt>Issued at</dt>
            <dd>{formatDateTime(invoice.issuedAt)}</dd>
          </div>
          <div>
            <dt>Customer</dt>
            <dd data-testid="invoice-customer">{invoice.user.name}</dd>
          </div>
          <div>
            <dt>Phone</dt>
            <dd>{invoice.user.phone}</dd>
          </div>
          <div>
            <dt>Customer id</dt>
            <dd className="mono">{invoice.userId}</dd>
          </div>
        </dl>
      </header>

      <section aria-label="Charges">
        <h2>Charges</h2>
        {bill.lines.length === 0 ? (
          <p className="muted">No plan was in force in {invoice.period}: no fee is charged.</p>
        ) : (
          <BillLinesTable lines={bill.lines} />
        )}
      </section>

      <section aria-label="Usage">
        <h2>Usage in {invoice.period}</h2>
        <UsageTotalsTable usage={bill.usage} unrated={bill.unratedUsage} />
      </section>

      <section aria-label="Adjustments">
        <h2>Adjustments: late usage of earlier periods</h2>
        {bill.adjustments.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <AdjustmentsTable adjustments={bill.adjustments} total={bill.adjustmentTotal} />
        )}
      </section>

      <section aria-label="Amount due" className="invoice-total">
        <dl>
          <div>
            <dt>Base fees</dt>
            <dd>{formatWon(bill.baseFee)}</dd>
          </div>
          <div>
            <dt>Overage charges</dt>
            <dd>{formatWon(bill.overageCharge)}</dd>
          </div>
          <div>
            <dt>Adjustments</dt>
            <dd>{formatWon(bill.adjustmentTotal)}</dd>
          </div>
          <div className="grand-total">
            <dt>Total</dt>
            <dd data-testid="invoice-total">{formatWon(invoice.total)}</dd>
          </div>
        </dl>
      </section>

      <footer className="muted">
        This invoice is final. Usage of {invoice.period} recorded from{' '}
        {formatDateTime(invoice.issuedAt)} on is charged on a later bill as an adjustment.
      </footer>
    </article>
  );
}
