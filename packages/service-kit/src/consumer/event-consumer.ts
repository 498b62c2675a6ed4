import { deadLetterMessage, parseEvent, type TallyEvent } from '@tally/events';
import { retry } from '@tally/retry';
import type { Kafka, KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { createProducer } from '../data/kafka';
import { APPLY_BACKOFF, isRetriable } from './retry';

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  deadLetterTopic: string;
  logger: Logger;
  /** Stores the effect of a batch of valid events; must be idempotent (redelivery happens). */
  apply(events: TallyEvent[]): Promise<void>;
}

/** A heartbeat failed between attempts (a rebalance, say): left to kafkajs, not retried. */
class HeartbeatFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('heartbeat failed', { cause });
  }
}

/**
 * Consumes batches: events that can never be processed go to the dead-letter topic with the
 * reason; the rest are applied with retries and backoff; offsets are committed only after
 * the effect is stored, so a crash means redelivery, never loss.
 */
export function createEventConsumer(opts: EventConsumerOptions) {
  // A crashed member holds its partitions until its session times out: 10 s, not kafkajs' 30 s.
  const consumer = opts.kafka.consumer({
    groupId: opts.groupId,
    maxWaitTimeInMs: 200,
    sessionTimeout: 10_000,
    heartbeatInterval: 2_000,
  });
  const producer: Producer = createProducer(opts.kafka);
  let ready = false;
  let applied = 0;

  async function deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
  ) {
    opts.logger.warn(
      { topic, partition, offset: message.offset, reason },
      'event sent to the dead-letter topic',
    );
    await producer.send({
      topic: opts.deadLetterTopic,
      messages: [
        deadLetterMessage(
          { topic, partition, offset: message.offset, key: message.key, value: message.value },
          reason,
        ),
      ],
    });
  }

  /**
   * Applies until it succeeds: retriable failures forever (200 ms doubling to 10 s, less up to
   * a fifth at random), heartbeating after each pause so the group keeps this member. Throws
   * a failure that is not retriable, or any once the consumer stops running.
   */
  async function applyWithRetry(
    events: TallyEvent[],
    isRunning: () => boolean,
    heartbeat: () => Promise<void>,
  ) {
    try {
      return await retry(
        async ({ attempt }) => {
          if (attempt > 1)
            await heartbeat().catch((err: unknown) => {
              throw new HeartbeatFailed(err);
            });
          return opts.apply(events);
        },
        {
          ...APPLY_BACKOFF,
          retryIf: (err) => !(err instanceof HeartbeatFailed) && isRetriable(err) && isRunning(),
          onRetry: (attempt, err, delayMs) =>
            opts.logger.warn({ err, attempt, delayMs }, 'applying events failed; retrying'),
        },
      );
    } catch (err) {
      throw err instanceof HeartbeatFailed ? err.cause : err;
    }
  }

  return {
    async start(): Promise<void> {
      await Promise.all([consumer.connect(), producer.connect()]);
      await consumer.subscribe({ topics: opts.topics, fromBeginning: true });
      consumer.on(consumer.events.GROUP_JOIN, () => (ready = true));
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
          const running = () => isRunning() && !isStale();
          const valid: Array<{ message: KafkaMessage; event: TallyEvent }> = [];
          for (const message of batch.messages) {
            const parsed = parseEvent(message.value ?? '');
            if (parsed.ok) valid.push({ message, event: parsed.event });
            else await deadLetter(batch.topic, batch.partition, message, parsed.reason);
          }
          try {
            if (valid.length > 0)
              await applyWithRetry(
                valid.map((v) => v.event),
                running,
                heartbeat,
              );
          } catch (err) {
            if (isRetriable(err)) throw err; // stopping: leave the offsets for redelivery
            // A permanent failure: apply one by one so only the poison event is set aside.
            for (const { message, event } of valid) {
              await applyWithRetry([event], running, heartbeat).catch(async (e: unknown) => {
                if (isRetriable(e)) throw e;
                await deadLetter(
                  batch.topic,
                  batch.partition,
                  message,
                  e instanceof Error ? e.message : String(e),
                );
              });
            }
          }
          applied += valid.length;
          resolveOffset(batch.lastOffset());
          await commitOffsetsIfNecessary();
          await heartbeat();
        },
      });
    },
    async stop(): Promise<void> {
      await consumer.disconnect();
      await producer.disconnect();
    },
    /** For /health/ready: joined its group. */
    async health(): Promise<void> {
      if (!ready) throw new Error('consumer has not joined its group yet');
    },
    applied: () => applied,
  };
}

export type EventConsumer = ReturnType<typeof createEventConsumer>;
