import type { UsageType } from '@tally/events';
import type { PagePosition } from './usage-order';
import type { StoredUsageRecord, UsageRecord, UsageTotals } from './usage-record';

/** The records, by id (the caller's idempotency key, a unique key). */
export interface UsageRecords {
  byIds(ids: readonly string[]): Promise<StoredUsageRecord[]>;
  /**
   * Inserts each record carrying its outbox intent's id. An id already stored is refused
   * and answered with what is stored for it, so the caller can tell whose it is.
   */
  insertNew(
    rows: ReadonlyArray<{ record: UsageRecord; outboxId: string }>,
  ): Promise<Map<string, StoredUsageRecord>>;
}

/** The read model: each user's records bucketed by day of occurredAt (billing time zone). */
export interface UsageDays {
  /** Idempotent: writing a record again changes nothing. */
  write(records: readonly UsageRecord[]): Promise<void>;
  /** The user's records of the period newest first, after `after`; `limit` at most. */
  newestFirst(
    userId: string,
    period: string,
    opts: { type?: UsageType | null; limit: number; after?: PagePosition | null },
  ): Promise<UsageRecord[]>;
  summary(userId: string, period: string): Promise<UsageTotals>;
}

/** Our own copy of which user ids exist. */
export interface KnownUsers {
  /** The ids among `ids` we know exist. */
  knownOf(ids: readonly string[]): Promise<Set<string>>;
  /** Idempotent. `event`: from UserSignedUp; `lookup`: the user subgraph confirmed them. */
  remember(ids: readonly string[], source: 'event' | 'lookup'): Promise<void>;
}

/** Which user ids exist, asking the user subgraph about those we do not know yet. */
export interface UserDirectory {
  unknownOf(ids: readonly string[]): Promise<Set<string>>;
}
