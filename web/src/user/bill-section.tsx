import { useQuery } from '../api/use-query';
import { ErrorMessage } from '../components/error-message';
import { formatDateTime } from '../format/dates';
import { formatWon } from '../format/money';
import { UserBillDocument, type UserBillQuery } from '../generated/operations';
import { hrefOf } from '../routing/route';
import { AdjustmentsTable } from './adjustments-table';
import { BillLinesTable } from './bill-lines-table';
import { BillStatusBadge } from './bill-status';
import { UsageTotalsTable } from './usage-totals-table';

/** Bills settle from events a moment after the usage is recorded, so the section keeps asking. */
const POLL_MS = 3000;

type Bill = NonNullable<UserBillQuery['user']>['bill'];

/** A closed bill never changes again: no need to keep asking. */
const isClosed = (data: UserBillQuery) => data.user?.bill.status === 'CLOSED';

interface BillSectionProps {
  userId: string;
  period: string;
  changes: number;
}

export function BillSection({ userId, period, changes }: BillSectionProps) {
  const { data, error, loading, refetch } = useQuery(
    UserBillDocument,
    { userId, period },
    { pollMs: POLL_MS, pollUntil: isClosed, version: changes },
  );
  const bill = data?.user?.bill;

  return (
    <section aria-label="Bill">
      <div className="section-head">
        <h2>
          Bill for {period} {bill && <BillStatusBadge status={bill.status} />}
        </h2>
        <button type="button" onClick={refetch} disabled={loading}>
          Refresh
        </button>
      </div>
      <ErrorMessage error={error} />
      {!bill && loading && <p className="muted">Loading the bill…</p>}
      {bill && <BillDetails bill={bill} />}
    </section>
  );
}

function BillDetails({ bill }: { bill: Bill }) {
  return (
    <>
      {bill.invoice && (
        <p data-testid="bill-invoice">
          Invoice{' '}
          <a href={hrefOf({ page: 'invoice', number: bill.invoice.number })}>
            {bill.invoice.number}
          </a>
          , issued {formatDateTime(bill.invoice.issuedAt)}. This bill is closed and never changes
          again; usage of {bill.period} recorded later is charged on a later bill.
        </p>
      )}
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
        {bill.adjustments.length > 0 && (
          <div>
            <dt>Adjustments</dt>
            <dd>{formatWon(bill.adjustmentTotal)}</dd>
          </div>
        )}
      </dl>
      {bill.lines.length === 0 ? (
        <p className="muted">No plan was in force this month, so nothing is charged.</p>
      ) : (
        <BillLinesTable lines={bill.lines} />
      )}
      <UsageTotalsTable usage={bill.usage} unrated={bill.unratedUsage} />
      {bill.adjustments.length > 0 && (
        <>
          <h3>Adjustments: late usage of closed periods</h3>
          <AdjustmentsTable adjustments={bill.adjustments} total={bill.adjustmentTotal} />
        </>
      )}
      <p className="muted">
        Settled from {bill.eventsApplied} {bill.eventsApplied === 1 ? 'event' : 'events'}
        {bill.updatedAt ? `, the last at ${formatDateTime(bill.updatedAt)}` : ''}.
        {bill.status === 'OPEN' && ' New usage shows up here within seconds.'}
      </p>
    </>
  );
}
