import type { Connection } from 'mongoose';
import type { BookState, PeriodRecord, PeriodStore } from '../domain/closing/ports';
import { LIST_CHUNK } from '../domain/closing/ports';

export const PERIODS = 'periods';
export const INVOICE_LISTS = 'invoice_lists';
const BOOK = 'book';

interface BookDoc {
  _id: typeof BOOK;
  closedThrough?: string;
  /** Every period closed or being closed, with its cutoff: one entry a month. */
  cutoffs?: Record<string, Date>;
}

interface PeriodDoc {
  _id: string;
  cutoff: Date;
  state: 'closing' | 'closed';
  attempt: number;
  lease?: { owner: string; until: Date };
  list?: PeriodRecord['list'];
  progress?: PeriodRecord['progress'];
  invoices?: number;
  closedAt?: Date;
  announced?: boolean;
  startedAt: Date;
}

interface ListDoc {
  _id: string;
  ids: string[];
}

/**
 * Closes as documents: one per period (`_id` = period) with its cutoff, lease and progress,
 * the `book` document naming the latest closed period and every cutoff, and invoice lists
 * in chunks (`_id` = "<period>|<attempt>|<chunk>"). Every read is by `_id`, except the scan
 * for unannounced closes (one document per month).
 */
export function createPeriodStore(db: Connection): PeriodStore {
  const periods = db.collection<PeriodDoc | BookDoc>(PERIODS);
  const lists = db.collection<ListDoc>(INVOICE_LISTS);
  const periodDocs = periods as unknown as import('mongoose').mongo.Collection<PeriodDoc>;
  const bookDocs = periods as unknown as import('mongoose').mongo.Collection<BookDoc>;

  const get = async (period: string) => {
    const doc = await periodDocs.findOne({ _id: period });
    return doc ? toRecord(doc) : null;
  };

  return {
    async book(): Promise<BookState> {
      const doc = await bookDocs.findOne({ _id: BOOK });
      return {
        closedThrough: doc?.closedThrough ?? null,
        cutoffs: new Map(Object.entries(doc?.cutoffs ?? {})),
      };
    },

    get,

    async begin(period, cutoff) {
      try {
        await periodDocs.insertOne({
          _id: period,
          cutoff,
          state: 'closing',
          attempt: 0,
          startedAt: new Date(),
        });
      } catch (err) {
        if ((err as { code?: number }).code !== 11000) throw err;
      }
      const record = (await get(period))!;
      // The book learns the cutoff the close kept (the first one written), whoever wrote it.
      await bookDocs.updateOne(
        { _id: BOOK },
        { $set: { [`cutoffs.${period}`]: record.cutoff } },
        { upsert: true },
      );
      return record;
    },

    async lease(period, owner, untilMs, renew) {
      const now = new Date();
      const filter = renew
        ? { _id: period, 'lease.owner': owner }
        : {
            _id: period,
            state: 'closing' as const,
            $or: [{ lease: { $exists: false } }, { 'lease.until': { $lte: now } }],
          };
      const update = {
        $set: { lease: { owner, until: new Date(now.getTime() + untilMs) } },
        ...(!renew && { $inc: { attempt: 1 } }),
      };
      const doc = await periodDocs.findOneAndUpdate(filter, update, { returnDocument: 'after' });
      return doc ? doc.attempt : null;
    },

    async release(period, owner) {
      await periodDocs.updateOne({ _id: period, 'lease.owner': owner }, { $unset: { lease: '' } });
    },

    async progress(period, progress) {
      await periodDocs.updateOne({ _id: period }, { $set: { progress } });
    },

    async keepList(period, attempt, ids) {
      const chunks = Math.ceil(ids.length / LIST_CHUNK);
      for (let i = 0; i < chunks; i++) {
        const _id = `${period}|${attempt}|${i}`;
        const chunk = ids.slice(i * LIST_CHUNK, (i + 1) * LIST_CHUNK);
        await lists.updateOne({ _id }, { $set: { ids: chunk } }, { upsert: true });
      }
      const list = { attempt, chunks, count: ids.length };
      await periodDocs.updateOne({ _id: period, list: { $exists: false } }, { $set: { list } });
      return (await get(period))!.list!;
    },

    async listChunk(period, list, chunk) {
      const doc = await lists.findOne({ _id: `${period}|${list.attempt}|${chunk}` });
      if (!doc) throw new Error(`invoice list ${period} chunk ${chunk} is missing`);
      return doc.ids;
    },

    async finish(period, invoices, closedAt) {
      await periodDocs.updateOne(
        { _id: period, state: 'closing' },
        { $set: { state: 'closed', invoices, closedAt }, $unset: { lease: '' } },
      );
      await bookDocs.updateOne(
        { _id: BOOK },
        { $max: { closedThrough: period } },
        { upsert: true },
      );
    },

    async markAnnounced(period) {
      await periodDocs.updateOne({ _id: period }, { $set: { announced: true } });
    },

    async unannounced() {
      const docs = await periodDocs.find({ state: 'closed', announced: { $ne: true } }).toArray();
      return docs.map(toRecord);
    },
  };
}

function toRecord(doc: PeriodDoc): PeriodRecord {
  return {
    period: doc._id,
    cutoff: doc.cutoff,
    state: doc.state,
    attempt: doc.attempt,
    leaseUntil: doc.lease?.until ?? null,
    list: doc.list ?? null,
    progress: doc.progress ?? { usersSeen: 0, frozen: 0 },
    invoices: doc.invoices ?? null,
    closedAt: doc.closedAt ?? null,
    announced: doc.announced ?? false,
  };
}
