import type { Topics } from '@tally/events';
import type { MessageBus } from '@tally/messaging';
import type { Logger } from 'pino';
import type { KnownUsers } from '../domain/ports';

/** Keeps the usage subgraph's copy of known users from UserSignedUp events. */
export function createKnownUsersConsumer(deps: {
  bus: MessageBus;
  groupPrefix: string;
  topics: Topics;
  knownUsers: KnownUsers;
  logger: Logger;
}) {
  return deps.bus.consume({
    groupId: `${deps.groupPrefix}.usage.known-users.v1`,
    topics: [deps.topics.users],
    deadLetterTopic: deps.topics.deadLetter,
    logger: deps.logger,
    apply: async (events) => {
      await deps.knownUsers.remember(
        events.flatMap((e) => (e.type === 'UserSignedUp' ? [e.data.userId] : [])),
        'event',
      );
    },
  });
}
