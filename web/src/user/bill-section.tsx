import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { formatDateTime } from '../format/dates';
import { formatWon } from '../format/money';
import { UserBillDocument } from '../generated/operations';
import { BillLinesTable } from './bill-lines-table';
import { UsageTotalsTable } from './usage-totals-table';

/** Bills settle from events a moment after the usage is recorded, so the section keeps asking. */
const POLL_MS = 3000;

interface BillSectionProps {
  userId: string;
  period: string;
  changes: number;
}

export function BillSection({ userId, period, changes }: BillSectionProps) {
  const { data, error, loading, refetch } = useQuery(
    UserBillDocument,
    { userId, period },
    { pollMs: POLL_MS, version: changes },
  );
  const bill = data?.user?.bill;

  return (
    <section aria-label="Bill">
      <div className="section-head">
        <h2>Bill for {period}</h2>
        <button type="button" onClick={refetch} disabled={loading}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} />
      {!bill && loading && <p className="muted">Loading the bill…</p>}
      {bill && (
        <>
          <dl className="totals">
            <div>
              <dt>Total</dt>
              <dd data-testid="bill-total">{formatWon(bill.total)}</dd>
            </div>
            <div>
              <dt>Base fees</dt>
              <dd>{formatWon(bill.baseFee)}</dd>
            </div>
            <div>
              <dt>Overage charges</dt>
              <dd>{formatWon(bill.overageCharge)}</dd>
            </div>
          </dl>
          {bill.lines.length === 0 ? (
            <p className="muted">No plan was in force this month, so nothing is charged.</p>
          ) : (
            <BillLinesTable lines={bill.lines} />
          )}
          <UsageTotalsTable usage={bill.usage} unrated={bill.unratedUsage} />
          <p className="muted">
            Settled from {bill.eventsApplied} events
            {bill.updatedAt ? `, the last at ${formatDateTime(bill.updatedAt)}` : ''}. New usage
            shows up here within seconds.
          </p>
        </>
      )}
    </section>
  );
}
