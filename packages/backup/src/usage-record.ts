/** A usage record as the usage store and its backup both hold it (the store's outboxId aside). */
export type UsageRecord = {
  _id: string;
  userId: string;
  type: string;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
};

export const RECORD_FIELDS = ['userId', 'type', 'amount', 'occurredAt', 'recordedAt'] as const;
type Field = (typeof RECORD_FIELDS)[number];

/** Only the record's own fields, as a projection: never the outbox intent's id. */
export const RECORD_PROJECTION = Object.fromEntries(
  ['_id', ...RECORD_FIELDS].map((f) => [f, 1]),
) as Record<'_id' | Field, 1>;

/**
 * The record in a document from either store. The connector stores instants as BSON dates
 * (TimestampConverter); an ISO string is accepted too, so a backup written by an older
 * connector config still compares and restores.
 */
export function toUsageRecord(doc: Record<string, unknown>): UsageRecord {
  const instant = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));
  return {
    _id: String(doc._id),
    userId: String(doc.userId),
    type: String(doc.type),
    amount: Number(doc.amount),
    occurredAt: instant(doc.occurredAt),
    recordedAt: instant(doc.recordedAt),
  };
}

const shown = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

/** The fields whose values differ, as `field: store ≠ backup`. */
export function fieldDifferences(store: UsageRecord, backup: UsageRecord): string[] {
  return RECORD_FIELDS.flatMap((f) => {
    const a = store[f];
    const b = backup[f];
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
    return same ? [] : [`${f}: ${shown(a)} ≠ ${shown(b)}`];
  });
}
