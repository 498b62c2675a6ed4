import type { PlanTerms, UsageType } from '@tally/events';
import type { Migration } from '@tally/service-kit';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { dayOf } from '@tally/billing-time';
import type { BillStateStore } from '../domain/ports';
import { createBillStateStore } from './bill-state-store';
import { settlementCollections } from './collections';
import { claimBucketTimeZone } from './time-zone-guard';

/** Layout 1: one document per event, read back by range scans at every bill. */
export const LAYOUT_1 = { usages: 'usage_facts', subscriptions: 'subscription_facts' } as const;

interface UsageFactDoc {
  _id: string;
  userId: string;
  type: UsageType;
  amount: number;
  occurredAt: Date;
  appliedAt?: Date;
}

interface SubscriptionFactDoc {
  _id: string;
  userId: string;
  effectiveAt: Date;
  plan: PlanTerms;
  appliedAt?: Date;
}

const BATCH = 1000;

/**
 * Layout 1 → 2: streams every fact into the running bills, keeping when it was first
 * applied, then drops the old collections. Writes are idempotent, so a run cut short by a
 * crash is simply run again; the old collections go only once everything is copied.
 */
export function migrateToLayout2(timeZone: string): Migration {
  return async (db, logger) => {
    await claimBucketTimeZone(db, timeZone);
    const store = createBillStateStore(settlementCollections(db));
    const migratedAt = new Date();
    await stream<UsageFactDoc>(db, LAYOUT_1.usages, logger, (docs) =>
      store.write({
        usages: docs.map((u) => ({
          userId: u.userId,
          day: dayOf(u.occurredAt, timeZone),
          usageId: u._id,
          type: u.type,
          amount: u.amount,
          appliedAt: u.appliedAt ?? migratedAt,
          recordedAt: u.appliedAt ?? migratedAt,
        })),
        subscriptions: [],
        marks: [], // layout 3 adds them
      }),
    );
    await stream<SubscriptionFactDoc>(db, LAYOUT_1.subscriptions, logger, (docs) =>
      store.write({
        usages: [],
        subscriptions: docs.map((s) => ({
          userId: s.userId,
          subscriptionId: s._id,
          effectiveAt: s.effectiveAt,
          plan: s.plan,
          appliedAt: s.appliedAt ?? migratedAt,
        })),
        marks: [],
      }),
    );
    await dropIfThere(db, Object.values(LAYOUT_1));
  };
}

async function stream<T extends { _id: string }>(
  db: Connection,
  collection: string,
  logger: Logger,
  write: (docs: T[]) => ReturnType<BillStateStore['write']>,
): Promise<void> {
  let batch: T[] = [];
  let copied = 0;
  const flush = async () => {
    await write(batch);
    copied += batch.length;
    batch = [];
    if (copied % (BATCH * 10) === 0) logger.info({ collection, copied }, 'migrating facts');
  };
  for await (const doc of db.collection<T>(collection).find({}).batchSize(BATCH)) {
    batch.push(doc as T);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  logger.info({ collection, copied }, 'facts migrated');
}

export async function dropIfThere(db: Connection, names: string[]): Promise<string[]> {
  const existing = new Set((await db.listCollections()).map((c) => c.name));
  const there = names.filter((n) => existing.has(n));
  for (const name of there) await db.dropCollection(name);
  return there;
}
