import { once } from 'node:events';
import type { Logger } from '@tally/service-kit';
import { Router, type Response } from 'express';
import { csvLine } from './csv';
import { ExportError } from './export-error';
import { fetchInvoicePage, type ExportedInvoice } from './invoice-pages';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const BEARER = /^Bearer [A-Za-z0-9\-._~+/]+=*$/i;

export const INVOICE_CSV_HEADER = [
  'number',
  'period',
  'issuedAt',
  'userId',
  'userName',
  'baseFee',
  'overageCharge',
  'adjustmentTotal',
  'total',
] as const;

const csvRow = (i: ExportedInvoice) =>
  csvLine([
    i.number,
    i.period,
    i.issuedAt,
    i.userId,
    i.user.name,
    i.bill.baseFee,
    i.bill.overageCharge,
    i.bill.adjustmentTotal,
    i.total,
  ]);

/**
 * GET /exports/invoices.csv?period=YYYY-MM: a period's invoices by number as CSV, streamed
 * while it pages through the gateway's `invoices` as the caller (their bearer token in the
 * Authorization header, never in the URL), so a period of any size costs one page of memory.
 * A refusal before the first row is answered with its status and `{error: {code, message}}`;
 * a failure after it cuts the download off, so a partial file never looks complete.
 */
export function invoicesExportRouter(opts: {
  gatewayUrl: string;
  logger?: Logger;
  pageSize?: number;
}): Router {
  const router = Router();
  router.get('/exports/invoices.csv', async (req, res) => {
    const period = typeof req.query.period === 'string' ? req.query.period : '';
    const authorization = req.headers.authorization ?? '';
    if (!PERIOD.test(period))
      return sendError(res, new ExportError(400, 'BAD_USER_INPUT', 'period must be YYYY-MM'));
    if (!BEARER.test(authorization))
      return sendError(
        res,
        new ExportError(401, 'UNAUTHENTICATED', 'the export needs Authorization: Bearer <token>'),
      );

    const stopped = new AbortController();
    res.on('close', () => stopped.abort());
    const page = (after: string | null) =>
      fetchInvoicePage({ ...opts, authorization, period, after, signal: stopped.signal });
    try {
      let current = await page(null);
      res.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="invoices-${period}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
      await write(res, csvLine(INVOICE_CSV_HEADER), stopped.signal);
      for (;;) {
        await write(res, current.invoices.map(csvRow).join(''), stopped.signal);
        if (!current.next) break;
        current = await page(current.next);
      }
      res.end();
    } catch (err) {
      if (stopped.signal.aborted) return; // the browser went away: nothing to answer
      if (!(err instanceof ExportError))
        opts.logger?.error({ period, err: messageOf(err) }, 'invoices export failed');
      if (!res.headersSent) return sendError(res, err instanceof ExportError ? err : UNEXPECTED);
      opts.logger?.warn({ period, err: messageOf(err) }, 'invoices export cut off');
      res.destroy(err instanceof Error ? err : new Error(String(err)));
    }
  });
  return router;
}

/** Writes `chunk`, waiting while the browser is slower than the gateway (backpressure). */
async function write(res: Response, chunk: string, signal: AbortSignal): Promise<void> {
  if (chunk && !res.write(chunk)) await once(res, 'drain', { signal });
}

function sendError(res: Response, err: ExportError): void {
  res.status(err.status).json({ error: { code: err.code, message: err.message } });
}

/** Not the error's own words: they are the server's business (logged), not the browser's. */
const UNEXPECTED = new ExportError(500, 'INTERNAL_SERVER_ERROR', 'the export failed');

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
