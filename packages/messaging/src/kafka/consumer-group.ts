import type { Kafka } from 'kafkajs';
import type { Logger } from 'pino';
import type { ReceivedMessage } from '../messages';
import { receivedOf } from './received';

/** Messages of one partition, in offset order, handed over together. */
export interface Batch {
  topic: string;
  partition: number;
  messages: ReceivedMessage[];
  /** Tells the group this member is alive; call it during long work. */
  heartbeat(): Promise<void>;
  /** False once the consumer stops or the partition went to another member. */
  isRunning(): boolean;
}

export interface ConsumerGroupOptions {
  groupId: string;
  topics: string[];
  logger: Logger;
  /** Stores a batch's effect. Its offsets are committed only once it resolves. */
  handle(batch: Batch): Promise<void>;
}

/**
 * A member of a consumer group reading its topics from their start. A batch's offsets are
 * committed only after `handle` resolves, so a crash means redelivery, never loss; a
 * `handle` that throws leaves them for redelivery (kafkajs restarts the consumer).
 */
export function consumerGroup(kafka: Kafka, opts: ConsumerGroupOptions) {
  // A crashed member holds its partitions until its session times out: 10 s, not kafkajs' 30 s.
  const consumer = kafka.consumer({
    groupId: opts.groupId,
    maxWaitTimeInMs: 200,
    sessionTimeout: 10_000,
    heartbeatInterval: 2_000,
  });
  let joined = false;

  return {
    async connect(): Promise<void> {
      await consumer.connect();
    },
    async start(): Promise<void> {
      await consumer.subscribe({ topics: opts.topics, fromBeginning: true });
      consumer.on(consumer.events.GROUP_JOIN, () => (joined = true));
      consumer.on(consumer.events.CRASH, ({ payload }) =>
        opts.logger.error({ err: payload.error }, 'consumer crashed; kafkajs restarts it'),
      );
      await consumer.run({
        // Partitions are independent (order matters only within one): apply them side by side.
        partitionsConsumedConcurrently: 3,
        eachBatchAutoResolve: false,
        eachBatch: async ({
          batch,
          resolveOffset,
          heartbeat,
          commitOffsetsIfNecessary,
          isRunning,
          isStale,
        }) => {
          await opts.handle({
            topic: batch.topic,
            partition: batch.partition,
            messages: batch.messages.map((m) => receivedOf(batch.topic, batch.partition, m)),
            heartbeat,
            isRunning: () => isRunning() && !isStale(),
          });
          resolveOffset(batch.lastOffset());
          await commitOffsetsIfNecessary();
          await heartbeat();
        },
      });
    },
    stop: () => consumer.disconnect(),
    /** Joined its group (for /health/ready). */
    joined: () => joined,
  };
}

export type ConsumerGroup = ReturnType<typeof consumerGroup>;
