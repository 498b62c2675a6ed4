import { createKafka, createLogger, ensureTopics } from '@tally/service-kit';
import { topicsSchema, type Topics } from '@tally/events';
import { kafkaBrokers, uniqueName } from '@tally/testkit';

export { eventually, openDb } from '@tally/testkit';
import type { Kafka } from 'kafkajs';

export const logger = createLogger('settlement-int-test', 'silent');

/** A Kafka client and topics of this test's own. */
export async function openKafka(
  prefix: string,
): Promise<{ kafka: Kafka; topics: Topics; groupPrefix: string }> {
  const tag = uniqueName(prefix);
  const kafka = createKafka({ clientId: tag, brokers: kafkaBrokers(), logger });
  const topics = topicsSchema.parse({
    users: `${tag}.user.events.v1`,
    usage: `${tag}.usage.events.v1`,
    deadLetter: `${tag}.dead-letter.v1`,
  });
  await ensureTopics(kafka, Object.values(topics), 2);
  return { kafka, topics, groupPrefix: tag };
}
