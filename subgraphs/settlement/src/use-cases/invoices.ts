import { isPeriod } from '@tally/billing-time';
import { DomainError } from '@tally/errors';
import { frozenKey, LIST_CHUNK, type PeriodRecord } from '../domain/closing/ports';
import type { InvoiceNode } from '../resolvers/invoice-node';
import type { SettlementDeps } from './deps';

const NUMBER = /^INV-(\d{4})(\d{2})-(\d{6,})$/;

/**
 * A closed period's invoices by number: number n is entry n of the period's kept list (one
 * chunk document per 1,000), its bill a frozen bill read by key. Nothing here scans.
 */
export function makeInvoices(deps: Pick<SettlementDeps, 'periods' | 'invoices'>) {
  async function nodes(record: PeriodRecord, from: number, to: number): Promise<InvoiceNode[]> {
    const list = record.list!;
    const userIds: string[] = [];
    for (let chunk = Math.floor((from - 1) / LIST_CHUNK); chunk * LIST_CHUNK < to; chunk++) {
      const ids = await deps.periods.listChunk(record.period, list, chunk);
      ids.forEach((id, i) => {
        const n = chunk * LIST_CHUNK + i + 1;
        if (n >= from && n <= to) userIds.push(id);
      });
    }
    const keys = userIds.map((userId) => ({ userId, period: record.period }));
    const frozen = await deps.invoices.frozen(keys);
    return keys.flatMap((k) => {
      const bill = frozen.get(frozenKey(k))?.view;
      return bill?.invoice ? [{ ...bill.invoice, userId: k.userId, bill }] : [];
    });
  }

  async function closed(period: string): Promise<PeriodRecord | null> {
    const record = await deps.periods.get(period);
    return record?.state === 'closed' && record.list ? record : null;
  }

  return {
    /** Up to `limit` invoices after number `after` (0 = from the first). */
    async page(period: string, after: number, limit: number): Promise<InvoiceNode[]> {
      if (!isPeriod(period))
        throw new DomainError(
          'BAD_USER_INPUT',
          `period must be "YYYY-MM"; got ${JSON.stringify(period)}`,
        );
      const record = await closed(period);
      if (!record || after >= record.list!.count) return [];
      return nodes(record, after + 1, Math.min(record.list!.count, after + limit));
    },

    async byNumber(number: string): Promise<InvoiceNode | null> {
      const m = NUMBER.exec(number);
      if (!m) return null;
      const record = await closed(`${m[1]}-${m[2]}`);
      const n = Number(m[3]);
      if (!record || n < 1 || n > record.list!.count) return null;
      const [node] = await nodes(record, n, n);
      return node?.number === number ? node : null;
    },
  };
}

export type Invoices = ReturnType<typeof makeInvoices>;
