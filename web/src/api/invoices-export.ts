import { sessionStore } from '../auth/session-store';
import { ApiError, endSessionIfRefused, STATUS_CODES } from './graphql-client';

interface ExportRefusal {
  error?: { code?: unknown; message?: unknown };
}

/**
 * A period's invoices as CSV, from the console server's export (web/server/src/exports), which
 * streams it from the gateway page by page as the signed-in person: the token goes in the
 * Authorization header, never in a URL. Refusals are ApiErrors with the API's code, and a
 * download cut off mid-way fails rather than save part of the file.
 */
export async function fetchInvoicesCsv(period: string): Promise<Blob> {
  const token = sessionStore.token();
  try {
    let res: Response;
    try {
      res = await fetch(`/exports/invoices.csv?period=${encodeURIComponent(period)}`, {
        headers: { accept: 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    } catch (err) {
      throw new ApiError('NETWORK', err instanceof Error ? err.message : String(err));
    }
    if (!res.ok) throw await refusalOf(res);
    try {
      return await res.blob();
    } catch (err) {
      throw new ApiError('HTTP_502', `the export was cut off: ${String(err)}`);
    }
  } catch (err) {
    endSessionIfRefused(err);
    throw err;
  }
}

async function refusalOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => undefined)) as ExportRefusal | undefined;
  const code = body?.error?.code;
  const message = body?.error?.message;
  return new ApiError(
    typeof code === 'string' ? code : (STATUS_CODES[res.status] ?? `HTTP_${res.status}`),
    typeof message === 'string' ? message : `the export answered ${res.status}`,
  );
}

/** How long a saved file's blob URL stays valid: the browser reads it after the click returns. */
const BLOB_URL_LIFETIME_MS = 60_000;

/** Saves `blob` as the file `name` (the browser's own download). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
}
