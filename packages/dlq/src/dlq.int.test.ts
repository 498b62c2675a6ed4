import { createEvent, deadLetterMessage, toKafkaMessage } from '@tally/events';
import { newTopic, testBus } from '@tally/testkit';
import { readDeadLetters } from './dead-letters';
import { planReplay, replay } from './replay';

describe('the dead-letter topic on a real broker', () => {
  const bus = testBus('dlq-test');
  const publisher = bus.publisher();
  beforeAll(() => publisher.connect());
  afterAll(() => publisher.disconnect());

  const usage = createEvent('UsageRecorded', 'user-1', {
    usageId: 'u-1',
    userId: 'user-1',
    type: 'SMS',
    amount: 1,
    occurredAt: '2026-11-03T01:00:00.000Z',
    recordedAt: '2026-11-03T01:00:01.000Z',
  });

  it('lists what consumers set aside, and replays the valid events to their topic once asked', async () => {
    const original = await newTopic(bus, 'dlq-original');
    const dlq = await newTopic(bus, 'dlq', 2);
    const valid = toKafkaMessage(usage);
    await publisher.publish([
      {
        topic: dlq,
        ...deadLetterMessage(
          { topic: original, partition: 0, offset: '5', key: valid.key, value: valid.value },
          'database unreachable (an old consumer dead-lettered it)',
        ),
      },
      {
        topic: dlq,
        ...deadLetterMessage(
          { topic: original, partition: 0, offset: '6', key: 'user-1', value: '{not json' },
          'not JSON',
        ),
      },
    ]);

    const letters = await readDeadLetters(bus, dlq);
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
    await replay(bus, dlq, plan.replay);

    const back = await bus.readTopicToEnd(original);
    expect(back).toHaveLength(1);
    expect(back[0]!.key?.toString()).toBe('user-1');
    expect(back[0]!.value?.toString()).toBe(valid.value);
  });

  it('reads an empty topic as no dead letters', async () => {
    expect(await readDeadLetters(bus, await newTopic(bus, 'dlq-empty'))).toEqual([]);
  });
});
