import { randomBytes } from 'node:crypto';
import { waitUntil } from '@tally/retry';
import type { Kafka } from 'kafkajs';
import type { Following, ReceivedMessage } from '../messages';
import { receivedOf } from './received';

/**
 * Hands every message of `topic`, from its start and as it arrives, to `onMessage`; resolves
 * once the reader has joined its own throwaway group, so nothing published after is missed.
 * Commits nothing. For tools and tests that watch a topic (a service consumes as a group).
 */
export async function followTopic(
  kafka: Kafka,
  topic: string,
  onMessage: (message: ReceivedMessage) => void,
): Promise<Following> {
  // Short fetch waits: stopping does not sit out a long poll.
  const consumer = kafka.consumer({
    groupId: `tally-topic-follower-${randomBytes(6).toString('hex')}`,
    maxWaitTimeInMs: 100,
  });
  let joined = false;
  consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) =>
        onMessage(receivedOf(topic, partition, message)),
    });
    await waitUntil(() => joined, { deadlineMs: 30_000, intervalMs: 50 });
  } catch (err) {
    await consumer.disconnect();
    throw err;
  }
  return { stop: () => consumer.disconnect() };
}
