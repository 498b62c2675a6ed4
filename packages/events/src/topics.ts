import { z } from 'zod';
import type { EventType } from './payloads';

/** Topic names carry a version: an incompatible envelope change gets new topics, not a new meaning. */
export const DEFAULT_TOPICS = {
  users: 'tally.user.events.v1',
  usage: 'tally.usage.events.v1',
  settlement: 'tally.settlement.events.v1',
  deadLetter: 'tally.dead-letter.v1',
} as const;

const topicName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,249}$/, 'a Kafka topic name: letters, digits, ".", "_", "-"');

/** The `topics` section of a service's settings; any name left out takes its default. */
export const topicsSchema = z
  .object({
    users: topicName.default(DEFAULT_TOPICS.users),
    usage: topicName.default(DEFAULT_TOPICS.usage),
    settlement: topicName.default(DEFAULT_TOPICS.settlement),
    deadLetter: topicName.default(DEFAULT_TOPICS.deadLetter),
  })
  .default(DEFAULT_TOPICS);

export type Topics = z.infer<typeof topicsSchema>;

const TOPIC_OF: Record<EventType, keyof Omit<Topics, 'deadLetter'>> = {
  UserSignedUp: 'users',
  PlanCreated: 'users',
  PlanSubscribed: 'users',
  UsageRecorded: 'usage',
  PeriodClosed: 'settlement',
};

/** The topic an event type is published to: what the user subgraph emits on users, usage on usage. */
export function topicOf(type: EventType, topics: Topics): string {
  return topics[TOPIC_OF[type]];
}
