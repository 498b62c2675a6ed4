import { topicsSchema } from '@tally/events';
import type { UserDirectory } from '../../src/domain/ports';
import type { UsageRecord } from '../../src/domain/usage-record';
import { usageRecorded } from '../../src/events/usage-events';
import { makeStores } from '../../src/store';
import { USAGE_RECORD_KIND, type UsageDeps } from '../../src/use-cases/deps';
import { makeRedoUsageRecord } from '../../src/use-cases/redo-usage-record';
import { newTopic, openDb, testBus, testOutbox, TIME_ZONE } from './infra';
import { eventsOnTopic } from './topic';

/** Users that exist: a fixed set instead of the user subgraph. */
export function fixedUsers(ids: string[]): UserDirectory {
  return { unknownOf: async (asked) => new Set(asked.filter((id) => !ids.includes(id))) };
}

/**
 * The usage use cases' dependencies over a database and a usage topic of their own, with the
 * real outbox (started; its sweep runs only on flush) and the redo of `usage-record` intents.
 */
export async function startUsageDeps(prefix: string, opts: { graceMs?: number } = {}) {
  const opened = await openDb(prefix);
  const bus = testBus();
  const topic = await newTopic(bus, prefix);
  const topics = topicsSchema.parse({ usage: topic });
  const stores = makeStores(opened.db, TIME_ZONE);
  await stores.ready();
  const outbox = testOutbox(
    opened.db,
    bus,
    { [USAGE_RECORD_KIND]: makeRedoUsageRecord(stores) },
    opts.graceMs,
  );
  await outbox.start();
  const eventsOf = (r: UsageRecord) => [usageRecorded(topics, r)];
  const deps: UsageDeps = { ...stores, users: fixedUsers(['user-1', 'user-2']), outbox, eventsOf };
  return {
    ...opened,
    bus,
    topic,
    stores,
    outbox,
    deps,
    eventsOf,
    /** Everything published so far, once the outbox has published what it owes. */
    async published() {
      await outbox.flush();
      return eventsOnTopic(bus, topic);
    },
    async close() {
      await outbox.stop();
      await opened.close();
    },
  };
}
