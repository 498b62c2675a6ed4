import type { Outbox } from '@tally/service-kit';
import type { Collection, Connection } from 'mongoose';
import type { Logger } from '@tally/service-kit';
import { KINDS } from '../../use-cases/changes';
import { escapeKey } from '@tally/service-kit';
import type { SubscriptionItemDoc, UserSubscriptionsDoc } from '../user-subscriptions-model';
import { BATCH, PROGRESS_EVERY, type OldSubscriptionDoc } from './old-layout';

/**
 * Moves `subscriptions` (one document each) into `user_subscriptions` (one per user), 1000
 * at a time. Re-running is safe: `$set` of an item to the same value changes nothing, and a
 * pending subscription whose item already carries an intent keeps it (no second intent).
 */
export async function moveSubscriptions(
  db: Connection,
  outbox: Pick<Outbox, 'intend'>,
  logger: Logger,
): Promise<void> {
  const source = db.collection<OldSubscriptionDoc>('subscriptions');
  const target = db.collection<UserSubscriptionsDoc>('user_subscriptions');
  let moved = 0;
  let batch: OldSubscriptionDoc[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = await itemsOf(batch, target, outbox);
    await target.bulkWrite(
      [...items].map(([userId, set]) => ({
        updateOne: { filter: { _id: userId }, update: { $set: set }, upsert: true },
      })),
      { ordered: false },
    );
    moved += batch.length;
    if (moved % PROGRESS_EVERY === 0) logger.info({ moved }, 'moving subscriptions');
    batch = [];
  };
  for await (const doc of source.find().batchSize(BATCH)) {
    batch.push(doc);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  logger.info({ moved }, 'subscriptions moved into user_subscriptions');
}

/** Per user, the `$set` of the batch's items; pending ones get an intent unless they have one. */
async function itemsOf(
  batch: OldSubscriptionDoc[],
  target: Collection<UserSubscriptionsDoc>,
  outbox: Pick<Outbox, 'intend'>,
): Promise<Map<string, Record<string, SubscriptionItemDoc>>> {
  const userIds = [...new Set(batch.map((s) => s.userId))];
  const stored = await target.find<UserSubscriptionsDoc>({ _id: { $in: userIds } }).toArray();
  const storedItems = new Map(stored.map((d) => [d._id, d.items ?? {}]));
  const intentOf = (s: OldSubscriptionDoc) => storedItems.get(s.userId)?.[escapeKey(s._id)];
  const owed = batch.filter((s) => s.outboxPending === true && !intentOf(s)?.outboxId);
  const ids = await outbox.intend(
    owed.map((s) => ({
      kind: KINDS.planSubscribed,
      change: {
        subscription: {
          id: s._id,
          userId: s.userId,
          planId: s.planId,
          effectiveAt: s.effectiveAt,
          createdAt: s.createdAt,
        },
      },
      messages: s.outbox ?? [],
    })),
  );
  const newIntent = new Map(owed.map((s, i) => [s._id, ids[i]]));
  const byUser = new Map<string, Record<string, SubscriptionItemDoc>>();
  for (const s of batch) {
    const outboxId = newIntent.get(s._id) ?? intentOf(s)?.outboxId;
    const item: SubscriptionItemDoc = {
      planId: s.planId,
      effectiveAt: s.effectiveAt,
      createdAt: s.createdAt,
      ...(outboxId ? { outboxId } : {}),
    };
    const set = byUser.get(s.userId) ?? {};
    set[`items.${escapeKey(s._id)}`] = item;
    byUser.set(s.userId, set);
  }
  return byUser;
}
