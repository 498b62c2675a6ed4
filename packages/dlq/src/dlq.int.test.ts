import { createEvent, deadLetterMessage, toKafkaMessage } from '@tally/events';
import { createProducer, readTopicToEnd } from '@tally/service-kit';
import { newTopic, testKafka } from '@tally/testkit';
import { readDeadLetters } from './dead-letters';
import { planReplay, replay } from './replay';

describe('the dead-letter topic on a real broker', () => {
  const kafka = testKafka('dlq-test');
  const producer = createProducer(kafka);
  beforeAll(() => producer.connect());
  afterAll(() => producer.disconnect());

  const usage = createEvent('UsageRecorded', 'user-1', {
    usageId: 'u-1',
    userId: 'user-1',
    type: 'SMS',
    amount: 1,
    occurredAt: '2026-11-03T01:00:00.000Z',
    recordedAt: '2026-11-03T01:00:01.000Z',
  });

  it('lists what consumers set aside, and replays the valid events to their topic once asked', async () => {
    const original = await newTopic(kafka, 'dlq-original');
    const dlq = await newTopic(kafka, 'dlq', 2);
    const valid = toKafkaMessage(usage);
    await producer.send({
      topic: dlq,
      messages: [
        deadLetterMessage(
          { topic: original, partition: 0, offset: '5', key: valid.key, value: valid.value },
          'database unreachable (an old consumer dead-lettered it)',
        ),
        deadLetterMessage(
          { topic: original, partition: 0, offset: '6', key: 'user-1', value: '{not json' },
          'not JSON',
        ),
      ],
    });

    const letters = await readDeadLetters(kafka, dlq);
    expect(letters.map((l) => [l.reason, l.original])).toEqual(
      expect.arrayContaining([
        [
          'database unreachable (an old consumer dead-lettered it)',
          { topic: original, partition: '0', offset: '5' },
        ],
        ['not JSON', { topic: original, partition: '0', offset: '6' }],
      ]),
    );

    const plan = planReplay(letters);
    expect(plan.skip.map((s) => s.letter.reason)).toEqual(['not JSON']);
    await replay(producer, dlq, plan.replay);

    const back = await readTopicToEnd(kafka, original);
    expect(back).toHaveLength(1);
    expect(back[0]!.key?.toString()).toBe('user-1');
    expect(back[0]!.value?.toString()).toBe(valid.value);
  });

  it('reads an empty topic as no dead letters', async () => {
    expect(await readDeadLetters(kafka, await newTopic(kafka, 'dlq-empty'))).toEqual([]);
  });
});
