import type { Connection } from 'mongoose';
import type { FrozenBill } from '../domain/closing/bill-view';
import { frozenKey, type InvoiceStore } from '../domain/closing/ports';
import { upsertAll } from './upsert-all';

export const FROZEN_BILLS = 'frozen_bills';

interface FrozenDoc {
  _id: string;
  userId: string;
  period: string;
  number: string | null;
  /** When the close froze it: the invoice's `issuedAt` (its cutoff). */
  issuedAt: Date;
  bill: FrozenBill;
}

/** Frozen bills, `_id` = "<userId>|<period>": written once, numbered once, read by key. */
export function createInvoiceStore(db: Connection): InvoiceStore {
  const docs = db.collection<FrozenDoc>(FROZEN_BILLS);
  return {
    async frozen(keys) {
      if (keys.length === 0) return new Map();
      const found = await docs.find({ _id: { $in: [...new Set(keys.map(frozenKey))] } }).toArray();
      return new Map(found.map((d) => [d._id, withNumber(d)]));
    },

    async freeze(bills, issuedAt) {
      const ops = bills.map((b) => ({
        updateOne: {
          filter: { _id: frozenKey(b) },
          update: {
            $setOnInsert: {
              userId: b.userId,
              period: b.period,
              number: null,
              issuedAt,
              bill: b.bill,
            },
          },
          upsert: true,
        },
      }));
      await upsertAll(ops, (batch) => docs.bulkWrite(batch, { ordered: false }));
    },

    async number(entries) {
      if (entries.length === 0) return;
      await docs.bulkWrite(
        entries.map((e) => ({
          updateOne: { filter: { _id: frozenKey(e) }, update: { $set: { number: e.number } } },
        })),
        { ordered: false },
      );
    },
  };
}

/** The stored bill with its invoice, once numbered. */
function withNumber(doc: FrozenDoc): FrozenBill {
  const { view } = doc.bill;
  const invoice = doc.number
    ? { number: doc.number, period: doc.period, issuedAt: doc.issuedAt, total: view.total }
    : null;
  return { ...doc.bill, view: { ...view, invoice } };
}
