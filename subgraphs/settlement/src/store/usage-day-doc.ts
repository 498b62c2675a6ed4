import type { UsageType } from '@tally/events';

/**
 * One stored usage record: t = type, a = amount, at = when settlement first applied it,
 * r = when the usage subgraph recorded it (absent on records stored before closing existed:
 * read as `at`).
 */
export interface UsageItem {
  t: UsageType;
  a: number;
  at: Date;
  r?: Date;
}

/**
 * A user's usage of one day in the billing time zone, `_id` "<userId>|<YYYY-MM-DD>", so a
 * bill reads its period by key. Items are keyed by the escaped usage id.
 */
export interface UsageDayDoc {
  _id: string;
  userId: string;
  day: string;
  items: Record<string, UsageItem>;
}

export const usageDayId = (userId: string, day: string) => `${userId}|${day}`;
