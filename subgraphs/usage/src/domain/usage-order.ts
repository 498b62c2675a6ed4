import type { UsageType } from '@tally/events';
import type { UsageRecord, UsageTotals } from './usage-record';

/** Where a page starts: strictly after this record in newest-first order. */
export interface PagePosition {
  occurredAtMs: number;
  id: string;
}

/** Newest first: occurredAt descending, then id descending (a total order: ids are unique). */
export function newestFirst(a: UsageRecord, b: UsageRecord): number {
  const byTime = b.occurredAt.getTime() - a.occurredAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Whether `r` comes after `position` in newest-first order. */
export function isAfter(r: UsageRecord, position: PagePosition): boolean {
  const at = r.occurredAt.getTime();
  return at < position.occurredAtMs || (at === position.occurredAtMs && r.id < position.id);
}

/**
 * The records of one day that belong on a page: of `type` when given, after `position` when
 * given, newest first.
 */
export function pageRowsOfDay(
  records: UsageRecord[],
  type: UsageType | null | undefined,
  position: PagePosition | null,
): UsageRecord[] {
  return records
    .filter((r) => (!type || r.type === type) && (!position || isAfter(r, position)))
    .sort(newestFirst);
}

export const NO_USAGE: UsageTotals = { dataMb: 0, voiceSeconds: 0, smsCount: 0, records: 0 };

/** Totals by type; amounts are integers, so the sum is exact. */
export function addUsage(
  totals: UsageTotals,
  r: Pick<UsageRecord, 'type' | 'amount'>,
): UsageTotals {
  return {
    dataMb: totals.dataMb + (r.type === 'DATA' ? r.amount : 0),
    voiceSeconds: totals.voiceSeconds + (r.type === 'VOICE' ? r.amount : 0),
    smsCount: totals.smsCount + (r.type === 'SMS' ? r.amount : 0),
    records: totals.records + 1,
  };
}
