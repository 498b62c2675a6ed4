import type { Topics } from '@tally/events';
import { createEventConsumer } from '@tally/service-kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { KnownUsers } from '../domain/ports';

/** Keeps the usage subgraph's copy of known users from UserSignedUp events. */
export function createKnownUsersConsumer(deps: {
  kafka: Kafka;
  groupPrefix: string;
  topics: Topics;
  knownUsers: KnownUsers;
  logger: Logger;
}) {
  return createEventConsumer({
    kafka: deps.kafka,
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
