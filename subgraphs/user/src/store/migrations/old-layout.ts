import type { OutboxMessage } from '@tally/service-kit';

/** Layout 1's documents, as the code before layout 2 wrote them (only ever read here). */
export interface OldOutboxFields {
  outbox?: OutboxMessage[];
  outboxPending?: boolean;
}

export interface OldUserDoc extends OldOutboxFields {
  _id: string;
  name: string;
  phone: string;
  email?: string | null;
  createdAt: Date;
}

export interface OldPlanDoc extends OldOutboxFields {
  _id: string;
  name: string;
  monthlyFee: number;
  allowance: { dataMb?: number | null; voiceSeconds?: number | null; smsCount?: number | null };
  overageRate: { perMb: number; perVoiceSecond: number; perSms: number };
  createdAt: Date;
}

/** One document per subscription, in the collection `subscriptions`. */
export interface OldSubscriptionDoc extends OldOutboxFields {
  _id: string;
  userId: string;
  planId: string;
  effectiveAt: Date;
  createdAt: Date;
}

/** What every layout-1 document has in common; the migration reads them through it. */
export interface OldDoc extends OldOutboxFields {
  _id: string;
}

export const OLD_FIELDS = { outbox: '', outboxPending: '' } as const;
export const BATCH = 1000;
export const PROGRESS_EVERY = 10_000;
