import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { kafkaBrokers, uniqueName } from '../src';

describe('the Kafka of the test run', () => {
  const kafka = new Kafka({
    clientId: 'testkit',
    brokers: kafkaBrokers(),
    logLevel: logLevel.WARN,
  });

  it('delivers a produced message to a consumer group', async () => {
    const topic = uniqueName('testkit-kafka');
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();

    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    await producer.send({
      topic,
      messages: [{ key: 'acct-1', value: JSON.stringify({ cents: 250 }) }],
    });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId: uniqueName('testkit-group') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<{ key: string; value: unknown }>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) =>
          resolve({ key: String(message.key), value: JSON.parse(String(message.value)) }),
      });
    });
    try {
      await expect(received).resolves.toEqual({ key: 'acct-1', value: { cents: 250 } });
    } finally {
      await consumer.disconnect();
    }
  });
});
