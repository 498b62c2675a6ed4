import type { Topics } from '@tally/events';
import type { MessageBus } from '@tally/messaging';
import type { Logger } from 'pino';
import type { SettlementFact } from '../domain/facts';
import { factsOf } from './fact-of-event';

/** Settlement's consumer group; `npm run rebuild:settlement` resets it to replay everything. */
export const settlementGroupId = (groupPrefix: string) => `${groupPrefix}.settlement.facts.v1`;

/** The topics settlement reads its facts from. */
export const factTopics = (topics: Topics) => [topics.users, topics.usage];

/**
 * Settlement's only input: PlanSubscribed and UsageRecorded, applied to the running bills
 * in batches; applying is idempotent, so any order and any number of deliveries give the
 * same bills.
 */
export function createSettlementConsumer(deps: {
  bus: MessageBus;
  groupPrefix: string;
  topics: Topics;
  applyFacts: (facts: SettlementFact[]) => Promise<void>;
  logger: Logger;
}) {
  return deps.bus.consume({
    groupId: settlementGroupId(deps.groupPrefix),
    topics: factTopics(deps.topics),
    deadLetterTopic: deps.topics.deadLetter,
    logger: deps.logger,
    apply: (events) => deps.applyFacts(events.flatMap(factsOf)),
  });
}
