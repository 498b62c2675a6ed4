import type { MessageBus } from '@tally/messaging';

export interface TopicEvent {
  id: string;
  type: string;
  subject: string;
  data: Record<string, unknown>;
}

/**
 * Every event on the topic up to its end at the time of the call: what was published so far,
 * exactly (so a test can count duplicates, not only wait for arrivals).
 */
export async function eventsOnTopic(bus: MessageBus, topic: string): Promise<TopicEvent[]> {
  return (await bus.readTopicToEnd(topic, 30_000)).map(
    (m) => JSON.parse(String(m.value)) as TopicEvent,
  );
}

/** How many events carry each usage id. */
export function countByUsageId(events: TopicEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    const id = String(e.data.usageId);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}
