import { randomUUID } from 'node:crypto';
import { createUserEvents } from '../../src/events/user-events';
import { makeStores } from '../../src/store';
import type { UserDeps } from '../../src/use-cases/deps';
import { makeRedo } from '../../src/use-cases/redo';
import { newTopic, openDb, testBus, testOutbox } from './infra';
import { readTopic } from './topic-reader';

/**
 * The user subgraph's use-case dependencies over a database and a users topic of their own,
 * the real outbox (started) and a reader of what reaches the topic.
 */
export async function startUserDeps(prefix: string) {
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
    events: createUserEvents({ users: topic, usage: 'unused', deadLetter: 'unused' }),
    newId: randomUUID,
    now: () => new Date(),
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
