import { Partitioners, type Kafka } from 'kafkajs';
import { PublishRefused, type OutgoingMessage, type Publisher } from '../messages';
import { sendTraced } from '../tracing/publish-spans';

/** Each topic's messages in the order given, one entry per topic, for one sendBatch. */
export function groupByTopic(batch: OutgoingMessage[]) {
  const byTopic = new Map<string, OutgoingMessage[]>();
  for (const m of batch) {
    const list = byTopic.get(m.topic);
    if (list) list.push(m);
    else byTopic.set(m.topic, [m]);
  }
  return [...byTopic].map(([topic, ms]) => ({
    topic,
    messages: ms.map(({ key, value, headers }) => ({ key, value, headers })),
  }));
}

/**
 * Whether kafkajs says the broker refused the request itself: a protocol error it marks not
 * retriable, or its non-retriable wrapper. Not KafkaJSNumberOfRetriesExceeded: that one is
 * a failure that may pass, retried too often.
 */
export function isRefusedForGood(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { name, retriable } = err as { name?: unknown; retriable?: unknown };
  return (
    (name === 'KafkaJSProtocolError' && retriable === false) || name === 'KafkaJSNonRetriableError'
  );
}

/**
 * A producer with the murmur2 partitioner, like Java clients (one key, one partition, on
 * every client), that never creates topics (they are made by `ensureTopics`, with their
 * retention). Every send waits for all in-sync replicas.
 */
export function kafkaPublisher(kafka: Kafka): Publisher {
  const producer = kafka.producer({
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  return {
    connect: () => producer.connect(),
    disconnect: () => producer.disconnect(),
    async publish(batch: OutgoingMessage[]): Promise<void> {
      if (batch.length === 0) return;
      await sendTraced(batch, async (traced) => {
        try {
          await producer.sendBatch({ topicMessages: groupByTopic(traced), acks: -1 });
        } catch (err) {
          if (isRefusedForGood(err))
            throw new PublishRefused((err as Error).message, { cause: err });
          throw err;
        }
      });
    },
  };
}
