import { useState } from 'react';
import { useSession } from '../auth/use-session';
import { Allowed } from '../components/allowed';
import { Field } from '../components/field';
import { previousPeriodOf } from '../format/dates';
import { navigate } from '../routing/use-route';
import { ClosePeriodForm } from './close-period-form';
import { CsvDownload } from './csv-download';
import { InvoicesList } from './invoices-list';

/** A period's invoices; by default the month before this one, the period that ended last. */
export function InvoicesPage({ period: chosen }: { period: string | null }) {
  const period = chosen ?? previousPeriodOf(new Date());
  // Bumped after a close, so the list asks again.
  const [closes, setCloses] = useState(0);
  const readsBills = useSession().scopes.has('bills:read');
  return (
    <>
      <h1>Invoices</h1>
      <Allowed scope="bills:read" action="Listing the invoices">
        <div className="month-bar">
          <Field label="Period" hint="A period has invoices once it is closed.">
            <input
              type="month"
              value={period}
              onChange={(e) =>
                e.target.value && navigate({ page: 'invoices', period: e.target.value })
              }
              required
            />
          </Field>
        </div>
      </Allowed>
      <Allowed scope="bills:close" action="Closing a period">
        <ClosePeriodForm key={period} period={period} onClosed={() => setCloses((n) => n + 1)} />
      </Allowed>
      {readsBills && (
        <InvoicesList key={period} period={period} closes={closes}>
          <CsvDownload period={period} />
        </InvoicesList>
      )}
    </>
  );
}
