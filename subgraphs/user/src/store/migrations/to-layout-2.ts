import type { Migration, Outbox } from '@tally/service-kit';
import { intendPendingUsersAndPlans } from './pending-intents';
import { moveSubscriptions } from './move-subscriptions';

/**
 * Layout 1 -> 2: the in-document outbox becomes intents, subscriptions move under their
 * user. The old `subscriptions` collection is dropped last, once everything is moved.
 */
export function migrateToLayout2(outbox: Pick<Outbox, 'intend'>): Migration {
  return async (db, logger) => {
    await intendPendingUsersAndPlans(db, outbox, logger);
    await moveSubscriptions(db, outbox, logger);
    for (const name of ['users', 'plans']) await dropOutboxIndexes(db, name);
    const collections = (await db.listCollections()).map((c) => c.name);
    if (collections.includes('subscriptions')) {
      await db.dropCollection('subscriptions');
      logger.info('the old subscriptions collection dropped');
    }
  };
}

/** The old `outboxPending` index, which nothing queries any more. */
async function dropOutboxIndexes(db: Parameters<Migration>[0], name: string): Promise<void> {
  const collection = db.collection(name);
  const indexes = await collection.indexes().catch(() => []);
  for (const index of indexes) {
    if (index.name && Object.hasOwn(index.key, 'outboxPending'))
      await collection.dropIndex(index.name);
  }
}
