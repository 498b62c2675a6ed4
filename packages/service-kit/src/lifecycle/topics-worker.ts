import type { MessageBus } from '@tally/messaging';

/** A worker that makes sure the topics exist before the other workers start. */
export function topicsWorker(bus: MessageBus, topics: string[], partitions: number) {
  return { start: () => bus.ensureTopics(topics, partitions), stop: async () => {} };
}
