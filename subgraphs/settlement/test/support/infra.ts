import { toKafkaMessage, topicsSchema, type TallyEvent, type Topics } from '@tally/events';
import type { MessageBus } from '@tally/messaging';
import { createLogger } from '@tally/service-kit';
import { testBus, uniqueName } from '@tally/testkit';

export { eventually, openDb } from '@tally/testkit';

export const logger = createLogger('settlement-int-test', 'silent');

/** A message bus and topics of this test's own. */
export async function openMessaging(
  prefix: string,
): Promise<{ bus: MessageBus; topics: Topics; groupPrefix: string }> {
  const tag = uniqueName(prefix);
  const bus = testBus(tag);
  const topics = topicsSchema.parse({
    users: `${tag}.user.events.v1`,
    usage: `${tag}.usage.events.v1`,
    settlement: `${tag}.settlement.events.v1`,
    deadLetter: `${tag}.dead-letter.v1`,
  });
  await bus.ensureTopics(Object.values(topics), 2);
  return { bus, topics, groupPrefix: tag };
}

/** Publishes events to `topic` as the services do (keyed by subject). */
export async function publishEvents(bus: MessageBus, topic: string, events: TallyEvent[]) {
  const publisher = bus.publisher();
  await publisher.connect();
  try {
    await publisher.publish(events.map((e) => ({ topic, ...toKafkaMessage(e) })));
  } finally {
    await publisher.disconnect();
  }
}
