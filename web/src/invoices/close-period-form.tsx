import { useState } from 'react';
import { useMutation } from '../api/use-mutation';
import { ErrorMessage } from '../components/error-message';
import { Notice } from '../components/notice';
import { submitHandler } from '../components/submit-handler';
import { ClosePeriodDocument, type ClosePeriodMutation } from '../generated/operations';

const invoicesCount = (n: number) => `${n} ${n === 1 ? 'invoice' : 'invoices'}`;

function outcome({ closePeriod: r }: ClosePeriodMutation): string {
  return r.alreadyClosed
    ? `${r.period} was already closed, with ${invoicesCount(r.invoices)}.`
    : `Closed ${r.period}: ${invoicesCount(r.invoices)} issued.`;
}

/**
 * Closing a period (admin: bills:close), after a confirmation: it cannot be undone. The API
 * refuses a period that has not ended, in its own words.
 */
export function ClosePeriodForm({ period, onClosed }: { period: string; onClosed: () => void }) {
  const close = useMutation(ClosePeriodDocument);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function confirm() {
    const data = await close.run({ period });
    setConfirming(false);
    if (!data) return;
    setDone(outcome(data));
    onClosed();
  }

  return (
    <form className="card" aria-label="Close a period" onSubmit={submitHandler(confirm)}>
      <h2>Close {period}</h2>
      <p className="muted">
        Every bill of {period} becomes an invoice, numbered, that never changes again; earlier
        periods still open are closed first. Usage of {period} recorded afterwards is charged on a
        later bill as an adjustment.
      </p>
      {confirming ? (
        <div className="confirm" role="group" aria-label="Confirm closing">
          <p>
            <strong>Close {period} now?</strong> This cannot be undone.
          </p>
          <button type="submit" disabled={close.running}>
            {close.running ? `Closing ${period}…` : `Yes, close ${period}`}
          </button>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => setConfirming(false)}
            disabled={close.running}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button
          type="button"
          onClick={() => {
            setDone(null);
            setConfirming(true);
          }}
        >
          Close period…
        </button>
      )}
      <ErrorMessage error={close.error} />
      <Notice text={done} />
    </form>
  );
}
