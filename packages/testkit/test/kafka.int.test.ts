import { kafkaBrokers, testBus, uniqueName } from '../src';

describe('the Kafka of the test run', () => {
  const bus = testBus('testkit');

  it('delivers a published message to a reader', async () => {
    expect(kafkaBrokers().length).toBeGreaterThan(0);
    const topic = uniqueName('testkit-kafka');
    await bus.ensureTopics([topic], 1);
    const publisher = bus.publisher();
    await publisher.connect();
    try {
      await publisher.publish([{ topic, key: 'acct-1', value: JSON.stringify({ cents: 250 }) }]);
    } finally {
      await publisher.disconnect();
    }
    const [message] = await bus.readTopicToEnd(topic);
    expect({ key: String(message?.key), value: JSON.parse(String(message?.value)) }).toEqual({
      key: 'acct-1',
      value: { cents: 250 },
    });
  });
});
