import type { TallyEvent, Topics } from '@tally/events';
import { createEventConsumer } from '@tally/service-kit';
import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { FactStore } from '../store/fact-store';

/**
 * Settlement's only input: PlanSubscribed and UsageRecorded, stored as facts keyed by their
 * natural ids, so any order and any number of deliveries give the same bills.
 */
export function createSettlementConsumer(deps: {
  kafka: Kafka;
  groupPrefix: string;
  topics: Topics;
  facts: FactStore;
  logger: Logger;
}) {
  return createEventConsumer({
    kafka: deps.kafka,
    groupId: `${deps.groupPrefix}.settlement.facts.v1`,
    topics: [deps.topics.users, deps.topics.usage],
    deadLetterTopic: deps.topics.deadLetter,
    logger: deps.logger,
    apply: (events: TallyEvent[]) => deps.facts.apply(events, new Date()),
  });
}
