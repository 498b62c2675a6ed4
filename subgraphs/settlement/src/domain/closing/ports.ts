import type { FrozenBill } from './bill-view';

/** A close in progress or done, as stored. */
export interface PeriodRecord {
  period: string;
  cutoff: Date;
  state: 'closing' | 'closed';
  /** Bumped by every lease taken: a list is written under the attempt that made it. */
  attempt: number;
  /** When the running close's lease lapses unless renewed; null when nobody holds it. */
  leaseUntil: Date | null;
  /** The invoice list, once fixed: its chunks are `attempt`'s. */
  list: { attempt: number; chunks: number; count: number } | null;
  progress: { usersSeen: number; frozen: number };
  invoices: number | null;
  closedAt: Date | null;
  announced: boolean;
}

/** Which periods are closed: one small document, read by key. */
export interface BookState {
  closedThrough: string | null;
  cutoffs: Map<string, Date>;
}

export interface PeriodStore {
  book(): Promise<BookState>;
  get(period: string): Promise<PeriodRecord | null>;
  /** Starts closing `period` at `cutoff` unless it was started already: returns what is stored. */
  begin(period: string, cutoff: Date): Promise<PeriodRecord>;
  /** Takes (or renews) the close's lease; the attempt number, or null while another holds it. */
  lease(period: string, owner: string, untilMs: number, renew: boolean): Promise<number | null>;
  release(period: string, owner: string): Promise<void>;
  progress(period: string, progress: PeriodRecord['progress']): Promise<void>;
  /** Keeps `ids` as the period's invoice list unless one is kept already; returns the kept one. */
  keepList(
    period: string,
    attempt: number,
    ids: string[],
  ): Promise<NonNullable<PeriodRecord['list']>>;
  /** The user ids of a kept list's chunk (numbers `chunk * LIST_CHUNK + 1` on). */
  listChunk(
    period: string,
    list: NonNullable<PeriodRecord['list']>,
    chunk: number,
  ): Promise<string[]>;
  finish(period: string, invoices: number, closedAt: Date): Promise<void>;
  markAnnounced(period: string): Promise<void>;
  /** Closed periods whose PeriodClosed event is not published yet. */
  unannounced(): Promise<PeriodRecord[]>;
}

/** Users per chunk of an invoice list (a chunk is one document). */
export const LIST_CHUNK = 1000;

export interface FrozenKey {
  userId: string;
  period: string;
}

export interface InvoiceStore {
  frozen(keys: FrozenKey[]): Promise<Map<string, FrozenBill>>;
  /** Keeps the first frozen bill written for (user, period); a later write changes nothing. */
  freeze(bills: Array<FrozenKey & { bill: FrozenBill }>, issuedAt: Date): Promise<void>;
  /** Gives each frozen bill its number (the same number every time). */
  number(entries: Array<FrozenKey & { number: string }>): Promise<void>;
}

export const frozenKey = (k: FrozenKey) => `${k.userId}|${k.period}`;

/** INV-YYYYMM-NNNNNN: numbered from 1 without gaps, in order of user id. */
export function invoiceNumber(period: string, n: number): string {
  return `INV-${period.replace('-', '')}-${String(n).padStart(6, '0')}`;
}
