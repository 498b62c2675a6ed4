import type { BusAdmin } from './admin';
import { eventConsumer, type ConsumeOptions, type EventConsumer } from './event-consumer';
import { kafkaAdmin } from './kafka/admin';
import { kafkaClient } from './kafka/client';
import { consumerGroup } from './kafka/consumer-group';
import { followTopic } from './kafka/follow';
import { kafkaPublisher } from './kafka/publisher';
import { readTopicToEnd } from './kafka/read-to-end';
import { ensureTopics } from './kafka/topics';
import type { Following, Publisher, ReceivedMessage } from './messages';
import type { BusSettings } from './settings';

/** Tally's messaging: everything the services, tools and tests ask of the event brokers. */
export interface MessageBus {
  /** A new publisher (connected and disconnected by its owner). */
  publisher(): Publisher;
  /**
   * A consumer group member applying the events of `topics`: offsets committed only after
   * `apply` stored their effect; infrastructure failures retried forever with backoff; only
   * what can never be processed (not an event, or a `PermanentError`) dead-lettered.
   */
  consume(opts: ConsumeOptions): EventConsumer;
  /** Creates the topics not there yet (keeping their events for good) and waits for their leaders. */
  ensureTopics(topics: string[], partitions: number): Promise<void>;
  /** For /health/ready: the cluster answers a metadata request. */
  health(): Promise<void>;
  /**
   * Every message a topic holds now, ordered by partition and offset. For operators' tools
   * and tests that count what was published (a service consumes as a group).
   */
  readTopicToEnd(topic: string, deadlineMs?: number): Promise<ReceivedMessage[]>;
  /** Hands each message of `topic`, from its start and as it arrives, to `onMessage`. */
  follow(topic: string, onMessage: (message: ReceivedMessage) => void): Promise<Following>;
  /** Topics and consumer groups, for operators' tools and tests; close it when done. */
  admin(): BusAdmin;
}

/** The bus over Kafka (kafkajs), logging through pino. */
export function createMessageBus(settings: BusSettings): MessageBus {
  const kafka = kafkaClient(settings);
  let healthAdmin: BusAdmin | undefined;
  return {
    publisher: () => kafkaPublisher(kafka),
    consume: (opts) =>
      eventConsumer(
        (handle) =>
          consumerGroup(kafka, {
            groupId: opts.groupId,
            topics: opts.topics,
            logger: opts.logger ?? settings.logger,
            handle,
          }),
        kafkaPublisher(kafka),
        { ...opts, logger: opts.logger ?? settings.logger },
      ),
    ensureTopics: (topics, partitions) => ensureTopics(kafka, topics, partitions),
    async health(): Promise<void> {
      healthAdmin ??= kafkaAdmin(kafka);
      await healthAdmin.ping();
    },
    readTopicToEnd: (topic, deadlineMs) => readTopicToEnd(kafka, topic, deadlineMs),
    follow: (topic, onMessage) => followTopic(kafka, topic, onMessage),
    admin: () => kafkaAdmin(kafka),
  };
}
