import { randomUUID } from 'node:crypto';
import { topicsSchema } from '@tally/events';
import type { ClosingSchedule } from '../../src/domain/closed-period';
import { createUserEvents } from '../../src/events/user-events';
import { makeStores } from '../../src/store';
import type { UserDeps } from '../../src/use-cases/deps';
import { makeRedo } from '../../src/use-cases/redo';
import { newTopic, openDb, testBus, testOutbox } from './infra';
import { readTopic } from './topic-reader';

/** The billing defaults: Seoul, 3 grace days, closing on schedule (2026-10 at 2026-11-04). */
export const SEOUL_CLOSING: ClosingSchedule = {
  timeZone: 'Asia/Seoul',
  graceDays: 3,
  autoClose: true,
};

/**
 * The user subgraph's use-case dependencies over a database and a users topic of their own,
 * the real outbox (started) and a reader of what reaches the topic. `now` is the use cases'
 * clock (default the real one): a fixed one keeps dated subscriptions in open periods.
 */
export async function startUserDeps(prefix: string, opts: { now?: () => Date } = {}) {
  const opened = await openDb(prefix);
  const bus = testBus();
  const topic = await newTopic(bus, prefix);
  const stores = makeStores(opened.db);
  await stores.ready();
  const outbox = testOutbox(opened.db, bus, makeRedo(stores));
  await outbox.start();
  const deps: UserDeps = {
    ...stores,
    outbox,
    closing: SEOUL_CLOSING,
    events: createUserEvents(topicsSchema.parse({ users: topic })),
    newId: randomUUID,
    now: opts.now ?? (() => new Date()),
  };
  const topicReader = await readTopic(bus, topic);
  return {
    ...opened,
    bus,
    topic,
    stores,
    outbox,
    deps,
    topicReader,
    async close() {
      await topicReader.stop();
      await outbox.stop();
      await opened.close();
    },
  };
}

export type StartedUserDeps = Awaited<ReturnType<typeof startUserDeps>>;
