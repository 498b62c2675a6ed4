import { deadLetterMessage, parseEvent, type TallyEvent } from '@tally/events';
import { retry } from '@tally/retry';
import type { Logger } from 'pino';
import type { Batch, ConsumerGroup } from './kafka/consumer-group';
import type { Publisher, ReceivedMessage } from './messages';
import { APPLY_BACKOFF, isRetriable } from './permanent-error';
import { inProcessSpan, runsByTrace } from './tracing/process-span';

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /** Where events that can never be processed are set aside, with the reason. */
  deadLetterTopic: string;
  /** Stores the effect of a batch of valid events; must be idempotent (redelivery happens). */
  apply(events: TallyEvent[]): Promise<void>;
  /** Default: the bus's logger. */
  logger?: Logger;
}

/** A consumer group member applying events: a worker to start and stop. */
export interface EventConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** For /health/ready: throws until the consumer has joined its group. */
  health(): Promise<void>;
  /** How many events it has applied since it started. */
  applied(): number;
  /** The group it consumes as, and its topics (for lag figures). */
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Messages it set aside on the dead-letter topic since it started, by original topic. */
  deadLettered(): Readonly<Record<string, number>>;
}

type Valid = { message: ReceivedMessage; event: TallyEvent };

/** A heartbeat failed between attempts (a rebalance, say): left to the client, not retried. */
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
export function eventConsumer(
  group: (handle: (batch: Batch) => Promise<void>) => ConsumerGroup,
  deadLetters: Publisher,
  opts: ConsumeOptions & { logger: Logger },
): EventConsumer {
  const { logger } = opts;
  let applied = 0;
  const deadLettered: Record<string, number> = {};

  async function deadLetter(message: ReceivedMessage, reason: string) {
    const { topic, partition, offset } = message;
    logger.warn({ topic, partition, offset, reason }, 'event sent to the dead-letter topic');
    await deadLetters.publish([
      { topic: opts.deadLetterTopic, ...deadLetterMessage(message, reason) },
    ]);
    deadLettered[topic] = (deadLettered[topic] ?? 0) + 1;
  }

  /**
   * Applies until it succeeds: retriable failures forever (200 ms doubling to 10 s, less up to
   * a fifth at random), heartbeating after each pause so the group keeps this member. Throws
   * a failure that is not retriable, or any once the consumer stops running.
   */
  async function applyWithRetry(events: TallyEvent[], batch: Batch) {
    try {
      return await retry(
        async ({ attempt }) => {
          if (attempt > 1)
            await batch.heartbeat().catch((err: unknown) => {
              throw new HeartbeatFailed(err);
            });
          return opts.apply(events);
        },
        {
          ...APPLY_BACKOFF,
          retryIf: (err) =>
            !(err instanceof HeartbeatFailed) && isRetriable(err) && batch.isRunning(),
          onRetry: (attempt, err, delayMs) =>
            logger.warn({ err, attempt, delayMs }, 'applying events failed; retrying'),
        },
      );
    } catch (err) {
      throw err instanceof HeartbeatFailed ? err.cause : err;
    }
  }

  async function handle(batch: Batch): Promise<void> {
    const valid: Valid[] = [];
    for (const message of batch.messages) {
      const parsed = parseEvent(message.value ?? '');
      if (parsed.ok) valid.push({ message, event: parsed.event });
      else await deadLetter(message, parsed.reason);
    }
    // Each run of events carrying one trace is applied inside it (tracing off: one run).
    for (const run of runsByTrace(valid, (v) => v.message)) {
      const { topic, partition } = batch;
      const messages = run.map((v) => v.message);
      await inProcessSpan({ groupId: opts.groupId, topic, partition, messages }, () =>
        applyValid(run, batch),
      );
    }
  }

  async function applyValid(valid: Valid[], batch: Batch): Promise<void> {
    try {
      if (valid.length > 0)
        await applyWithRetry(
          valid.map((v) => v.event),
          batch,
        );
    } catch (err) {
      if (isRetriable(err)) throw err; // stopping: leave the offsets for redelivery
      // A permanent failure: apply one by one so only the poison event is set aside.
      for (const { message, event } of valid) {
        await applyWithRetry([event], batch).catch(async (e: unknown) => {
          if (isRetriable(e)) throw e;
          await deadLetter(message, e instanceof Error ? e.message : String(e));
        });
      }
    }
    applied += valid.length;
  }

  const members = group(handle);
  return {
    async start(): Promise<void> {
      await Promise.all([members.connect(), deadLetters.connect()]);
      await members.start();
    },
    async stop(): Promise<void> {
      await members.stop();
      await deadLetters.disconnect();
    },
    async health(): Promise<void> {
      if (!members.joined()) throw new Error('consumer has not joined its group yet');
    },
    applied: () => applied,
    groupId: opts.groupId,
    topics: opts.topics,
    deadLettered: () => ({ ...deadLettered }),
  };
}
