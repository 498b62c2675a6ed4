import type { BillStatus } from '../generated/operations';

const MEANING: Record<BillStatus, string> = {
  OPEN: 'Open: it changes as usage arrives.',
  CLOSED: 'Closed: an invoice, never to change again.',
};

/** OPEN or CLOSED, as a badge whose title says what it means. */
export function BillStatusBadge({ status }: { status: BillStatus }) {
  return (
    <span
      className={`badge badge-${status.toLowerCase()}`}
      title={MEANING[status]}
      data-testid="bill-status"
    >
      {status}
    </span>
  );
}
