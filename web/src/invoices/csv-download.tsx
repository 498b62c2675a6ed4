import { useState } from 'react';
import { fetchInvoicesCsv, saveFile } from '../api/invoices-export';
import { ErrorMessage } from '../components/error-message';

/**
 * The period's invoices as a CSV file. The console server streams it from the gateway page by
 * page, so a period of any size never goes through this page's memory as JSON.
 */
export function CsvDownload({ period }: { period: string }) {
  const [state, setState] = useState<{ running: boolean; error?: unknown }>({ running: false });

  async function download() {
    setState({ running: true });
    try {
      saveFile(await fetchInvoicesCsv(period), `invoices-${period}.csv`);
      setState({ running: false });
    } catch (error) {
      setState({ running: false, error });
    }
  }

  return (
    <div className="actions">
      <button type="button" onClick={() => void download()} disabled={state.running}>
        {state.running ? 'Preparing the CSV…' : 'Download CSV'}
      </button>
      <ErrorMessage error={state.error} />
    </div>
  );
}
