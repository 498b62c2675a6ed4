import { ConfigResourceTypes } from 'kafkajs';
import { kafkaBrokers, uniqueName } from '@tally/testkit';
import { createKafka, ensureTopics } from './kafka';
import { createLogger } from '../logger';

describe('ensureTopics', () => {
  const kafka = createKafka({
    clientId: 'ensure-topics-test',
    brokers: kafkaBrokers(),
    logger: createLogger('test', 'warn'),
  });

  it('creates missing topics that keep their events for good, and is idempotent', async () => {
    const topic = uniqueName('keep-forever');
    await ensureTopics(kafka, [topic], 2);
    await ensureTopics(kafka, [topic], 2);
    const admin = kafka.admin();
    await admin.connect();
    try {
      const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(meta?.partitions).toHaveLength(2);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [
          { type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms'] },
        ],
      });
      expect(resources[0]?.configEntries).toEqual([
        expect.objectContaining({ configName: 'retention.ms', configValue: '-1' }),
      ]);
    } finally {
      await admin.disconnect();
    }
  });
});
