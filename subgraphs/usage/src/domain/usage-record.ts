import type { UsageType } from '@tally/events';

/** A usage record; `id` is the caller's idempotency key. Written once, never changed. */
export interface UsageRecord {
  id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  recordedAt: Date;
}

/** A record as stored: with the outbox intent it was written under (none when restored). */
export interface StoredUsageRecord extends UsageRecord {
  outboxId: string | null;
}

/** A user as this subgraph knows it: by reference only (the user subgraph owns the rest). */
export interface UserRef {
  id: string;
}

export interface UsageTotals {
  dataMb: number;
  voiceSeconds: number;
  smsCount: number;
  records: number;
}
